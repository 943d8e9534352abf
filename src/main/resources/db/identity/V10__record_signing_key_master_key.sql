-- Which master key wraps each private signing key: its fingerprint (a hash of the key, never the key), so that a
-- master-key rotation re-wraps what is left under the old one and a start-up without it names it. Null for a key
-- wrapped before fingerprints were recorded: opened by trying each configured key.
ALTER TABLE signing_key ADD COLUMN master_key text;
