-- A module's functions and triggers are named <module>_fn_<action> and <module>_trg_<event> (the design's naming, held
-- by DatabaseObjectNamesTests); V2 named both after the table they fill. A rename keeps everything else: the trigger
-- calls the function by its oid, and the function keeps its owner, its privileges and its attributes.
ALTER FUNCTION job_posting_words() RENAME TO jobs_fn_index_posting_words;
ALTER TRIGGER job_posting_words ON job_posting RENAME TO jobs_trg_posting_text_changed;
