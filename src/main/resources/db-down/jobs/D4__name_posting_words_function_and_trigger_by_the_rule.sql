-- Down of db/jobs/V4__name_posting_words_function_and_trigger_by_the_rule.sql: gives the function and trigger their former names back; no data changes.
ALTER TRIGGER jobs_trg_posting_text_changed ON job_posting RENAME TO job_posting_words;
ALTER FUNCTION jobs_fn_index_posting_words() RENAME TO job_posting_words;
