-- Accounts are global: an account exists before it belongs to any institution (memberships live in institutions).
CREATE TABLE account (
    id             uuid PRIMARY KEY,
    version        bigint      NOT NULL,
    email          text        NOT NULL CHECK (length(email) <= 254),
    display_name   text        NOT NULL CHECK (length(display_name) <= 200),
    status         text        NOT NULL CHECK (status IN ('ACTIVE', 'DISABLED')),
    platform_admin boolean     NOT NULL,
    -- DelegatingPasswordEncoder form: {argon2}$argon2id$...
    password_hash  text        NOT NULL,
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL
);

-- One account per email, whatever its letter case.
CREATE UNIQUE INDEX account_email_key ON account (lower(email));
