-- Down of db/courses/V2__create_enrollment.sql: drops the enrollments.
DROP TABLE enrollment;
