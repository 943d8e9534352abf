-- Accounts are global: an account exists before it belongs to any institution (memberships live in institutions).
-- The email and the display name are personal data, stored only sealed (AES-256-GCM under the account's own person
-- key, bound to table, column and row; see ADR 0013). Lookups by email go through email_index, an HMAC-SHA256 blind
-- index of the lower-cased email under a key of its own.
CREATE TABLE account (
    id             uuid PRIMARY KEY,
    version        bigint      NOT NULL,
    email          bytea       NOT NULL,
    email_index    bytea       NOT NULL CHECK (length(email_index) = 32),
    display_name   bytea       NOT NULL,
    status         text        NOT NULL CHECK (status IN ('ACTIVE', 'DISABLED')),
    platform_admin boolean     NOT NULL,
    -- DelegatingPasswordEncoder form: {argon2}$argon2id$...
    password_hash  text        NOT NULL,
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL
);

-- One account per email, whatever its letter case: the index is of the lower-cased email.
CREATE UNIQUE INDEX account_email_index_key ON account (email_index);
