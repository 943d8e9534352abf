-- When the account's current email was shown to be its holder's (a verification or reset link followed, or set by
-- configuration for the bootstrap administrator); null: unverified. Changing the email sets it back to null.
ALTER TABLE account ADD COLUMN email_verified_at timestamptz;

-- Single-use tokens mailed to an account: email verification and password reset. Only the SHA-256 of a token is
-- stored. A verification token verifies the email it was sent to (email_index), so one sent to an earlier email of the
-- account no longer verifies anything.
CREATE TABLE account_token (
    id          uuid PRIMARY KEY,
    account_id  uuid        NOT NULL REFERENCES account (id),
    purpose     text        NOT NULL CHECK (purpose IN ('EMAIL_VERIFICATION', 'PASSWORD_RESET')),
    token_hash  bytea       NOT NULL UNIQUE CHECK (length(token_hash) = 32),
    email_index bytea       NOT NULL CHECK (length(email_index) = 32),
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz
);

-- Rate limits count an account's recent tokens of a purpose.
CREATE INDEX account_token_account_idx ON account_token (account_id, purpose, created_at);

-- A changed or reset password ends every session of the account.
ALTER TABLE session_family DROP CONSTRAINT session_family_revoked_reason_check;
ALTER TABLE session_family ADD CONSTRAINT session_family_revoked_reason_check
    CHECK (revoked_reason IN ('LOGOUT', 'TOKEN_REUSED', 'CREDENTIALS_CHANGED'));
