-- Added without a down script.
ALTER TABLE thing ADD COLUMN name text;
