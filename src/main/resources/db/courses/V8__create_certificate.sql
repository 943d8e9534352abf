-- The certificate of a completed enrollment. It copies what its verification reveals as it was at completion: the
-- course's title, the institution's name and the holder's display name, the last sealed for the holder (ADR 0013),
-- so that erasing them leaves nothing to reveal.
CREATE TABLE certificate (
    id               uuid PRIMARY KEY,
    version          bigint      NOT NULL,
    institution_id   uuid        NOT NULL,
    enrollment_id    uuid        NOT NULL UNIQUE REFERENCES enrollment (id) ON DELETE CASCADE,
    student_id       uuid        NOT NULL,
    code             text        NOT NULL UNIQUE CHECK (code ~ '^[A-Z2-9]{16}$'),
    course_title     text        NOT NULL,
    institution_name text        NOT NULL,
    holder_name      bytea,
    completed_at     timestamptz NOT NULL
);

CREATE INDEX certificate_student_idx ON certificate (student_id);

-- Which institution holds the certificate of each code: global (ADR 0011), for the anonymous verification, which has
-- no tenant until the code names one; it then reads the certificate in a transaction of that institution.
CREATE TABLE certificate_code (
    code           text PRIMARY KEY,
    institution_id uuid NOT NULL
);
