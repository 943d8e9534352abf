-- Down of db/identity/V4__create_login_attempt_and_lockout.sql: drops the login attempts and lockouts.
DROP TABLE login_lockout;
DROP TABLE login_attempt;
