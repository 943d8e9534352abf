-- A notification waiting for its recipient's daily digest mail (their delivery preference for its category is DAILY).
-- The digest sends and deletes an account's entries together; deleting the notification deletes its entry.
CREATE TABLE email_digest_entry (
    id              uuid PRIMARY KEY,
    institution_id  uuid        NOT NULL,
    account_id      uuid        NOT NULL,
    notification_id uuid        NOT NULL REFERENCES notification (id) ON DELETE CASCADE,
    queued_at       timestamptz NOT NULL
);

CREATE UNIQUE INDEX email_digest_entry_key ON email_digest_entry (notification_id, account_id);
-- An account's entries, oldest first, and the person's entries for their export and erasure.
CREATE INDEX email_digest_entry_account_idx ON email_digest_entry (account_id, queued_at);

-- Which institutions have digest entries, and since when: readable without a tenant, for the sweep that sends the
-- digests (EmailDigests), which runs for no institution and then sends them in a transaction of each institution, as
-- jobs' deadline sweep does. Global (ADR 0011): no person, no text. Kept by the database, so no write path forgets it.
CREATE TABLE email_digest_due (
    institution_id uuid PRIMARY KEY,
    oldest_at      timestamptz NOT NULL
);

-- Runs as the writing role (the app role, or a maintenance role whose search_path is not this schema).
CREATE FUNCTION notifications_fn_track_digest_due() RETURNS trigger LANGUAGE plpgsql SET search_path = notifications AS $$
BEGIN
    INSERT INTO email_digest_due (institution_id, oldest_at) VALUES (NEW.institution_id, NEW.queued_at)
    ON CONFLICT (institution_id) DO UPDATE SET oldest_at = least(email_digest_due.oldest_at, EXCLUDED.oldest_at);
    RETURN NULL;
END
$$;

CREATE TRIGGER notifications_trg_digest_entry_queued AFTER INSERT ON email_digest_entry
    FOR EACH ROW EXECUTE FUNCTION notifications_fn_track_digest_due();
