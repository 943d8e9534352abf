-- A job offered by one institution; institution_id refers to the institutions module by value. Title, description and
-- location describe the job, not a person, so they are stored in clear (and searched). Who posted it is kept apart,
-- in job_posting_poster, so that erasing that person drops the link and keeps the posting.
CREATE TABLE job_posting (
    id              uuid PRIMARY KEY,
    version         bigint      NOT NULL,
    institution_id  uuid        NOT NULL,
    title           text        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    description     text        NOT NULL CHECK (length(description) BETWEEN 1 AND 10000),
    location        text        NOT NULL CHECK (length(location) BETWEEN 1 AND 200),
    employment_type text        NOT NULL CHECK (employment_type IN ('FULL_TIME', 'PART_TIME', 'INTERNSHIP', 'CONTRACT')),
    closes_at       timestamptz NOT NULL,
    status          text        NOT NULL CHECK (status IN ('DRAFT', 'OPEN', 'CLOSED')),
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);

-- The keyset listing of an institution's postings, filtered by status (row-level security adds the institution).
CREATE INDEX job_posting_status_page ON job_posting (institution_id, status, id);
CREATE INDEX job_posting_institution_page ON job_posting (institution_id, id);

-- The account that posted a posting: one row per posting, deleted when that person is erased (the posting stays,
-- without an author). A separate table because an erasure runs with the person bound as data subject and no
-- institution, and row-level security then lets it delete the person's rows but not rewrite them to name nobody.
CREATE TABLE job_posting_poster (
    posting_id     uuid PRIMARY KEY REFERENCES job_posting (id) ON DELETE CASCADE,
    institution_id uuid NOT NULL,
    account_id     uuid NOT NULL
);

CREATE INDEX job_posting_poster_account_idx ON job_posting_poster (account_id);
