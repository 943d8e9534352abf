-- Down of db/courses/V4__create_course_instructor.sql: drops the instructors' assignments.
DROP TABLE course_instructor;
