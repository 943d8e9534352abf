-- Down of db/courses/V1__create_course.sql: drops the courses.
DROP TABLE course;
