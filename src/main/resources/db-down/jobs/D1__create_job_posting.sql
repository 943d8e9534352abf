-- Down of db/jobs/V1__create_job_posting.sql: drops the postings and their posters.
DROP TABLE job_posting_poster;
DROP TABLE job_posting;
