-- Every login attempt and its outcome. The email is stored normalized (lower case) whether or not an account has it.
CREATE TABLE login_attempt (
    id           uuid PRIMARY KEY,
    email        text        NOT NULL,
    account_id   uuid REFERENCES account (id),
    outcome      text        NOT NULL
        CHECK (outcome IN ('SUCCESS', 'BAD_CREDENTIALS', 'UNKNOWN_ACCOUNT', 'DISABLED', 'LOCKED', 'NOT_A_MEMBER')),
    request_id   text,
    attempted_at timestamptz NOT NULL
);

CREATE INDEX login_attempt_email_idx ON login_attempt (email, attempted_at);

-- Logins for an email are refused until locked_until. Keyed by email, not account, so that an unknown email locks
-- exactly like a known one and the answer reveals nothing.
CREATE TABLE login_lockout (
    email        text PRIMARY KEY,
    locked_until timestamptz NOT NULL
);
