-- Down of db/jobs/V2__create_job_posting_word.sql: drops the word index of postings, its trigger and function.
DROP TRIGGER job_posting_words ON job_posting;
DROP FUNCTION job_posting_words();
DROP TABLE job_posting_word;
