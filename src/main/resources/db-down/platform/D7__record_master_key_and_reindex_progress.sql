-- Down of db/platform/V7__record_master_key_and_reindex_progress.sql: the keysets stay readable (the fingerprints only
-- say which configured master key to try first); a blind-index rotation in progress loses its place and restarts.
ALTER TABLE module_keyset DROP COLUMN reindex_cursor;
ALTER TABLE module_keyset DROP COLUMN reindex_started_at;
ALTER TABLE module_keyset DROP COLUMN master_key;
