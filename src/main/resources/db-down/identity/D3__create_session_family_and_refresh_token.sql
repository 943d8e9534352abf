-- Down of db/identity/V3__create_session_family_and_refresh_token.sql: drops the sessions and refresh tokens.
DROP TABLE refresh_token;
DROP TABLE session_family;
