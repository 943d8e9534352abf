-- Down of db/courses/V7__create_lesson_progress.sql: drops the lesson progress and the two indexes V7 added to lessons
-- and enrollments.
DROP INDEX enrollment_course_current_page;
DROP INDEX lesson_course_published;
DROP TABLE lesson_progress;
