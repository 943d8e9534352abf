-- Named after another migration.
DROP TABLE other;
