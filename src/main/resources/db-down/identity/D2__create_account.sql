-- Down of db/identity/V2__create_account.sql: drops the accounts.
DROP TABLE account;
