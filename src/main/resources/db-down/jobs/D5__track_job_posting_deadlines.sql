-- Down of db/jobs/V5__track_job_posting_deadlines.sql: the deadline index of open postings goes; it is derived from
-- job_posting by its trigger, so nothing is lost (the sweep finds due postings again once V5 is applied anew).
DROP TRIGGER jobs_trg_posting_saved ON job_posting;
DROP FUNCTION jobs_fn_track_deadline();
DROP TABLE job_posting_deadline;
