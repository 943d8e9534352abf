-- Which master key wraps each keyset: its fingerprint (a hash of the key, never the key), so that a master-key
-- rotation knows what is left to re-wrap and a start-up without that key names it. Null for a keyset wrapped before
-- fingerprints were recorded: it is opened by trying each configured key, and gets one when next re-wrapped.
ALTER TABLE module_keyset ADD COLUMN master_key text;

-- A blind-index rotation in progress (on the blind-index row): since when the new key is the primary, and the last row
-- whose indexes were recomputed under it, so that a restarted job carries on from there. Both null when none runs.
ALTER TABLE module_keyset ADD COLUMN reindex_started_at timestamptz;
ALTER TABLE module_keyset ADD COLUMN reindex_cursor text;
