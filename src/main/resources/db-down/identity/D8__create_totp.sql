-- Down of db/identity/V8__create_totp.sql: drops the second factor, its recovery codes, login challenges and the
-- institutions' staff policy.
DROP TABLE staff_two_factor_policy;
DROP TABLE second_factor_challenge;
DROP TABLE totp_recovery_code;
DROP TABLE totp_credential;
