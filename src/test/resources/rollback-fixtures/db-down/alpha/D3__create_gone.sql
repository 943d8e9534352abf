-- A down script whose migration is gone.
DROP TABLE gone;
