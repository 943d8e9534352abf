-- Down of db/identity/V9__create_linked_identity_and_oidc_login.sql: drops linked identities and sign-ins under way.
DROP TABLE oidc_login;
DROP TABLE linked_identity;
