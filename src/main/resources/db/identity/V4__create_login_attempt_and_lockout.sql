-- Every login attempt and its outcome. The email is kept only as its blind index (HMAC-SHA256 of the lower-cased
-- email, as account.email_index), whether or not an account has it: attempts are counted without storing the email.
CREATE TABLE login_attempt (
    id           uuid PRIMARY KEY,
    email_index  bytea       NOT NULL CHECK (length(email_index) = 32),
    account_id   uuid REFERENCES account (id),
    outcome      text        NOT NULL
        CHECK (outcome IN ('SUCCESS', 'BAD_CREDENTIALS', 'UNKNOWN_ACCOUNT', 'DISABLED', 'LOCKED', 'NOT_A_MEMBER')),
    request_id   text,
    attempted_at timestamptz NOT NULL
);

CREATE INDEX login_attempt_email_index_idx ON login_attempt (email_index, attempted_at);

-- Logins for an email are refused until locked_until. Keyed by the email's blind index, not the account, so that an
-- unknown email locks exactly like a known one and the answer reveals nothing.
CREATE TABLE login_lockout (
    email_index  bytea PRIMARY KEY CHECK (length(email_index) = 32),
    locked_until timestamptz NOT NULL
);
