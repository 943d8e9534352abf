-- Down of V1.
DROP TABLE thing;
