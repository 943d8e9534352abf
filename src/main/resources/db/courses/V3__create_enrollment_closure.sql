-- Each time enrollment was closed for all courses of an institution, and why.
CREATE TABLE enrollment_closure (
    id             uuid PRIMARY KEY,
    version        bigint      NOT NULL,
    institution_id uuid        NOT NULL,
    reason         text        NOT NULL,
    closed_courses integer     NOT NULL,
    closed_at      timestamptz NOT NULL
);

CREATE INDEX enrollment_closure_institution_idx ON enrollment_closure (institution_id);
