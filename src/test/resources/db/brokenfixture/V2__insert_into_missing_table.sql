-- Fails on purpose: start-up must stop and name this module and this script.
INSERT INTO no_such_table (id) VALUES (1);
