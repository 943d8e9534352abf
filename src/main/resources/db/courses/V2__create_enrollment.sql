-- A student's enrollment in a course. student_id refers to the students module by value.
CREATE TABLE enrollment (
    id             uuid PRIMARY KEY,
    version        bigint      NOT NULL,
    institution_id uuid        NOT NULL,
    course_id      uuid        NOT NULL REFERENCES course (id),
    student_id     uuid        NOT NULL,
    enrolled_at    timestamptz NOT NULL
);

CREATE UNIQUE INDEX enrollment_student_key ON enrollment (course_id, student_id);
CREATE INDEX enrollment_course_page ON enrollment (course_id, id);
