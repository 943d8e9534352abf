-- A rating of 1 to 5 by an account, in one institution, of a subject: a course, a job posting (ids of the courses and
-- jobs modules, by value) or the platform itself, whose subject_id is the nil UUID. The comment is personal: stored
-- only as ciphertext sealed for the author's account (ADR 0013). A hidden comment is kept, and its rating still counts.
CREATE TABLE feedback (
    id                uuid PRIMARY KEY,
    version           bigint      NOT NULL,
    institution_id    uuid        NOT NULL,
    subject_type      text        NOT NULL CHECK (subject_type IN ('COURSE', 'JOB', 'PLATFORM')),
    subject_id        uuid        NOT NULL,
    author_account_id uuid        NOT NULL,
    rating            integer     NOT NULL CHECK (rating BETWEEN 1 AND 5),
    comment           bytea,
    status            text        NOT NULL CHECK (status IN ('VISIBLE', 'HIDDEN')),
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    CHECK ((subject_type = 'PLATFORM') = (subject_id = '00000000-0000-0000-0000-000000000000'))
);

-- One feedback per account, institution and subject: the target of the submission's ON CONFLICT, so that concurrent
-- submissions of one account cannot make two rows. Its (subject_type, subject_id, institution_id) prefix and the
-- included rating serve the summary, from the index alone (see SummaryPlanTests).
CREATE UNIQUE INDEX feedback_author_key ON feedback (subject_type, subject_id, institution_id, author_account_id)
    INCLUDE (rating);
-- A subject's feedback in keyset pages.
CREATE INDEX feedback_subject_page ON feedback (subject_type, subject_id, id);
-- "Mine", and the person's feedback in every institution for their export and erasure.
CREATE INDEX feedback_author_idx ON feedback (author_account_id, id);
