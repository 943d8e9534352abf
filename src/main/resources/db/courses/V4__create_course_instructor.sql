-- Who teaches a course: the staff member who created it, for now. account_id refers to the identity module by value.
CREATE TABLE course_instructor (
    id             uuid PRIMARY KEY,
    institution_id uuid        NOT NULL,
    course_id      uuid        NOT NULL REFERENCES course (id) ON DELETE CASCADE,
    account_id     uuid        NOT NULL,
    assigned_at    timestamptz NOT NULL
);

CREATE UNIQUE INDEX course_instructor_key ON course_instructor (course_id, account_id);
-- The person's courses for their export and erasure.
CREATE INDEX course_instructor_account_idx ON course_instructor (account_id);
