-- A session is a family of refresh tokens started by one login; its id is the access tokens' sid claim.
CREATE TABLE session_family (
    id             uuid PRIMARY KEY,
    account_id     uuid        NOT NULL REFERENCES account (id),
    created_at     timestamptz NOT NULL,
    revoked_at     timestamptz,
    revoked_reason text CHECK (revoked_reason IN ('LOGOUT', 'TOKEN_REUSED')),
    CHECK ((revoked_at IS NULL) = (revoked_reason IS NULL))
);

CREATE INDEX session_family_account_idx ON session_family (account_id);
-- Every instance re-reads the recently revoked sessions every few seconds.
CREATE INDEX session_family_revoked_idx ON session_family (revoked_at) WHERE revoked_at IS NOT NULL;

-- Only the SHA-256 of a refresh token is stored. A token is used once: refreshing marks it used and issues the next.
CREATE TABLE refresh_token (
    id             uuid PRIMARY KEY,
    family_id      uuid        NOT NULL REFERENCES session_family (id),
    token_hash     bytea       NOT NULL UNIQUE CHECK (length(token_hash) = 32),
    -- The institution the access tokens refreshed with it are scoped to; null: none.
    institution_id uuid,
    created_at     timestamptz NOT NULL,
    expires_at     timestamptz NOT NULL,
    used_at        timestamptz
);

CREATE INDEX refresh_token_family_idx ON refresh_token (family_id);
