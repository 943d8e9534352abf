-- Who belongs to which institution, in which role. account_id refers to the identity module by value.
CREATE TABLE membership (
    id             uuid PRIMARY KEY,
    version        bigint      NOT NULL,
    institution_id uuid        NOT NULL REFERENCES institution (id),
    account_id     uuid        NOT NULL,
    role           text        NOT NULL CHECK (role IN ('INSTITUTION_ADMIN', 'INSTRUCTOR', 'STUDENT')),
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL
);

CREATE UNIQUE INDEX membership_account_key ON membership (institution_id, account_id);
-- An account's memberships across institutions, read when it logs in.
CREATE INDEX membership_account_idx ON membership (account_id);

-- Beside the tenant policy the platform adds (rows of the current institution), an account may read its own
-- memberships in every institution: that is what it may log into. Writes stay within the current institution.
CREATE POLICY membership_own_rows ON membership FOR SELECT
    USING (account_id = nullif(current_setting('app.account_id', true), '')::uuid);
