-- The columns, checks and indexes of EduMatrix's courses.course (db/courses/V1__create_course.sql). Run at every
-- start-up (spring.sql.init.mode=always), hence IF NOT EXISTS: the benchmark restarts the peer on the same database.
CREATE TABLE IF NOT EXISTS item (
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

CREATE UNIQUE INDEX IF NOT EXISTS item_code_key ON item (institution_id, lower(code));
CREATE INDEX IF NOT EXISTS item_institution_page ON item (institution_id, id);
