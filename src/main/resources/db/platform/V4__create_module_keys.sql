-- This module's keysets (Google Tink), one row per purpose: the AES-256-GCM keys that wrap person keys (rotated; the
-- primary wraps new ones) and the HMAC-SHA256 key of the blind indexes. Each is stored only encrypted under the
-- platform's master key, which never reaches the database, with associated data naming the schema and the purpose.
CREATE TABLE module_keyset (
    purpose          text PRIMARY KEY CHECK (purpose IN ('person-key-wrapping', 'blind-index')),
    encrypted_keyset bytea       NOT NULL,
    -- Tink's id of the primary key, as an unsigned number.
    primary_key_id   bigint      NOT NULL,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL
);

-- Each data subject's own AES-256-GCM key (a one-key Tink keyset), wrapped under a key of the person-key-wrapping
-- keyset with the subject as associated data. Deleting the row makes every value sealed for the subject unreadable,
-- here and in every copy of it (crypto-shredding).
CREATE TABLE person_key (
    subject_id   uuid PRIMARY KEY,
    wrapped_key  bytea       NOT NULL,
    -- The id of the module key that wrapped it; the re-wrap job moves rows off keys older than the primary.
    wrapped_by   bigint      NOT NULL,
    created_at   timestamptz NOT NULL,
    rewrapped_at timestamptz
);

CREATE INDEX person_key_wrapped_by_idx ON person_key (wrapped_by);
