-- Down of db/notifications/V4__create_email_digest_entry.sql: drops the pending digest entries (their notifications
-- stay in the in-app list) and the institutions' due times.
DROP TRIGGER notifications_trg_digest_entry_queued ON email_digest_entry;
DROP FUNCTION notifications_fn_track_digest_due();
DROP TABLE email_digest_due;
DROP TABLE email_digest_entry;
