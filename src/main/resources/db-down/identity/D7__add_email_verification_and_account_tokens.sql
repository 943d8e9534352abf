-- Down of db/identity/V7__add_email_verification_and_account_tokens.sql: drops the mailed tokens and the verification
-- time, and the session end of a changed password (sessions that ended so are recorded as logged out).
UPDATE session_family SET revoked_reason = 'LOGOUT' WHERE revoked_reason = 'CREDENTIALS_CHANGED';
ALTER TABLE session_family DROP CONSTRAINT session_family_revoked_reason_check;
ALTER TABLE session_family ADD CONSTRAINT session_family_revoked_reason_check
    CHECK (revoked_reason IN ('LOGOUT', 'TOKEN_REUSED'));
DROP TABLE account_token;
ALTER TABLE account DROP COLUMN email_verified_at;
