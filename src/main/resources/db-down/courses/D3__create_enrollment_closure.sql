-- Down of db/courses/V3__create_enrollment_closure.sql: drops the record of closed enrollments.
DROP TABLE enrollment_closure;
