-- Accounts linked to an identity provider's subject (OpenID Connect). The provider's subject and the email it gave
-- are personal data, sealed under the account's key (ADR 0013); subject_index is a blind index (HMAC-SHA256) of
-- "<registration> <subject>", which is how a sign-in finds its account.
CREATE TABLE linked_identity (
    id            uuid PRIMARY KEY,
    account_id    uuid        NOT NULL REFERENCES account (id),
    registration  text        NOT NULL,
    subject_index bytea       NOT NULL UNIQUE CHECK (length(subject_index) = 32),
    subject       bytea       NOT NULL,
    email         bytea,
    created_at    timestamptz NOT NULL
);

CREATE INDEX linked_identity_account_idx ON linked_identity (account_id);

-- A sign-in with a provider under way: the state sent to the provider (only its SHA-256) and the nonce the ID token
-- must carry; used once, before it expires. Kept in the database, not a session, so any instance completes it.
CREATE TABLE oidc_login (
    id           uuid PRIMARY KEY,
    registration text        NOT NULL,
    state_hash   bytea       NOT NULL UNIQUE CHECK (length(state_hash) = 32),
    nonce        text        NOT NULL,
    created_at   timestamptz NOT NULL,
    expires_at   timestamptz NOT NULL,
    used_at      timestamptz
);
