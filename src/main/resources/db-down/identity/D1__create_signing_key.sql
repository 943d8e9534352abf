-- Down of db/identity/V1__create_signing_key.sql: drops the token signing keys.
DROP TABLE signing_key;
