-- A course of one institution; institution_id refers to the institutions module by value, never by foreign key.
CREATE TABLE course (
    id              uuid PRIMARY KEY,
    version         bigint      NOT NULL,
    institution_id  uuid        NOT NULL,
    code            text        NOT NULL CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9_-]{1,31}$'),
    title           text        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    description     text        CHECK (length(description) <= 4000),
    enrollment_open boolean     NOT NULL,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);

-- Serves the code uniqueness per institution and the keyset listing of an institution's courses.
CREATE UNIQUE INDEX course_code_key ON course (institution_id, lower(code));
CREATE INDEX course_institution_page ON course (institution_id, id);
