-- Down of db/courses/V6__enrollment_life_cycle_and_capacity.sql: enrollments lose their status and its times (their
-- checks and the index of current enrollments go with the columns), one enrollment per student and course is unique
-- again (which fails, changing nothing, if a student re-enrolled after withdrawing), and courses lose their capacity.
ALTER TABLE course DROP COLUMN capacity;
DROP INDEX enrollment_current_key;
ALTER TABLE enrollment DROP COLUMN withdrawn_at, DROP COLUMN completed_at, DROP COLUMN status;
CREATE UNIQUE INDEX enrollment_student_key ON enrollment (course_id, student_id);
