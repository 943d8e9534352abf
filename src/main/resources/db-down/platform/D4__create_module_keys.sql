-- Down of db/platform/V4__create_module_keys.sql: drops the module's keysets and person keys.
DROP TABLE person_key;
DROP TABLE module_keyset;
