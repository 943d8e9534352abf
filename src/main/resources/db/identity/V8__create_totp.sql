-- An account's TOTP second factor (RFC 6238). The secret is personal data, stored only sealed under the account's key
-- (ADR 0013). Pending until the account proves it with a code (confirmed_at). last_used_step: the time step of the
-- last code accepted, so a code is accepted once. failures / locked_until: wrong codes in a row, and the lock they set.
CREATE TABLE totp_credential (
    account_id     uuid PRIMARY KEY REFERENCES account (id),
    secret         bytea       NOT NULL,
    created_at     timestamptz NOT NULL,
    confirmed_at   timestamptz,
    last_used_step bigint,
    failures       integer     NOT NULL DEFAULT 0,
    locked_until   timestamptz
);

-- Single-use recovery codes, kept as a keyed hash (HMAC-SHA256 under the module's blind-index key): a reader of the
-- table alone cannot try codes against it.
CREATE TABLE totp_recovery_code (
    id         uuid PRIMARY KEY,
    account_id uuid        NOT NULL REFERENCES account (id),
    code_hash  bytea       NOT NULL UNIQUE CHECK (length(code_hash) = 32),
    used_at    timestamptz
);

CREATE INDEX totp_recovery_code_account_idx ON totp_recovery_code (account_id);

-- The second step of a login with TOTP: a password login answers a challenge (only its SHA-256 is stored), which a
-- code turns into a session once, before it expires.
CREATE TABLE second_factor_challenge (
    id             uuid PRIMARY KEY,
    account_id     uuid        NOT NULL REFERENCES account (id),
    challenge_hash bytea       NOT NULL UNIQUE CHECK (length(challenge_hash) = 32),
    -- The institution the login asked for; null: none asked.
    institution_id uuid,
    created_at     timestamptz NOT NULL,
    expires_at     timestamptz NOT NULL,
    used_at        timestamptz
);

CREATE INDEX second_factor_challenge_account_idx ON second_factor_challenge (account_id);

-- Institutions whose admins require two-factor authentication of their staff (admins and instructors). A login
-- policy, so identity keeps it; keyed by the institution, and read at login, before any tenant is known.
CREATE TABLE staff_two_factor_policy (
    institution_id uuid PRIMARY KEY,
    required       boolean     NOT NULL,
    updated_at     timestamptz NOT NULL,
    updated_by     uuid        NOT NULL
);
