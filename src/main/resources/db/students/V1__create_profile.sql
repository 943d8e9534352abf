-- A student's profile in one institution. account_id refers to the identity module by value. Headline and bio are
-- personal: stored only as ciphertext sealed for the account (ADR 0013).
CREATE TABLE profile (
    id              uuid PRIMARY KEY,
    version         bigint      NOT NULL,
    institution_id  uuid        NOT NULL,
    account_id      uuid        NOT NULL,
    headline        bytea       NOT NULL,
    bio             bytea,
    program         text        CHECK (length(program) BETWEEN 1 AND 200),
    graduation_year integer     CHECK (graduation_year BETWEEN 1900 AND 2200),
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);

-- One profile per account and institution; also finds "my" profile.
CREATE UNIQUE INDEX profile_account_key ON profile (institution_id, account_id);
CREATE INDEX profile_institution_page ON profile (institution_id, id);
-- The person's profiles in every institution, for their export and erasure.
CREATE INDEX profile_account_idx ON profile (account_id);
