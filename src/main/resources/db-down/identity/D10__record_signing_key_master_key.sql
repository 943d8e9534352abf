-- Down of db/identity/V7__record_signing_key_master_key.sql: the keys stay readable under the configured master keys.
ALTER TABLE signing_key DROP COLUMN master_key;
