-- A student's progress in one lesson, within one enrollment: the position reached in a video, and when the lesson was
-- completed (once: completing it again changes nothing). student_id, the data subject, repeats the enrollment's so
-- that an erasure finds the rows by the person.
CREATE TABLE lesson_progress (
    id               uuid PRIMARY KEY,
    institution_id   uuid        NOT NULL,
    course_id        uuid        NOT NULL REFERENCES course (id),
    enrollment_id    uuid        NOT NULL REFERENCES enrollment (id) ON DELETE CASCADE,
    lesson_id        uuid        NOT NULL REFERENCES lesson (id),
    student_id       uuid        NOT NULL,
    position_seconds integer     CHECK (position_seconds >= 0),
    completed_at     timestamptz,
    updated_at       timestamptz NOT NULL,
    CONSTRAINT lesson_progress_key UNIQUE (enrollment_id, lesson_id)
);

CREATE INDEX lesson_progress_student_idx ON lesson_progress (student_id);
-- The staff progress table pages through enrollments and reads each one's progress by this index only.
CREATE INDEX lesson_progress_enrollment_idx ON lesson_progress (enrollment_id, lesson_id)
    INCLUDE (completed_at, updated_at);
-- The outline's and the progress' count of published lessons.
CREATE INDEX lesson_course_published ON lesson (course_id) WHERE status = 'PUBLISHED';
-- The staff progress table: a course's current enrollments in id order.
CREATE INDEX enrollment_course_current_page ON enrollment (course_id, id) WHERE status <> 'WITHDRAWN';
