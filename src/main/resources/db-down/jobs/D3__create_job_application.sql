-- Down of db/jobs/V3__create_job_application.sql: drops the applications.
DROP TABLE job_application;
