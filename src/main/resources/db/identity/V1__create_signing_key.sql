-- The keys that sign access tokens (ES256). The public half is published as a JWK; the private half is stored only
-- wrapped with AES-256-GCM under a key from the application's configuration, bound to its kid.
CREATE TABLE signing_key (
    kid                 text PRIMARY KEY,
    public_jwk          jsonb       NOT NULL,
    wrapped_private_key bytea       NOT NULL,
    state               text        NOT NULL CHECK (state IN ('ACTIVE', 'SUPERSEDED', 'RETIRED')),
    created_at          timestamptz NOT NULL,
    superseded_at       timestamptz,
    retired_at          timestamptz,
    CHECK ((state = 'ACTIVE') = (superseded_at IS NULL)),
    CHECK ((state = 'RETIRED') = (retired_at IS NOT NULL))
);

-- At most one key signs at a time, whichever instance created it.
CREATE UNIQUE INDEX signing_key_one_active ON signing_key (state) WHERE state = 'ACTIVE';
