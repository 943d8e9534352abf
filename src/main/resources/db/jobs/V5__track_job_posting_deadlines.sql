-- When each open posting closes, readable without a tenant: the sweep that closes postings past their closes_at
-- (JobPostingDeadlines) runs for no institution, and job_posting's forced row-level security shows such work no row.
-- It finds here the institutions with a posting due, then closes their postings in a transaction of each institution.
-- A global table (ADR 0011): it holds no text and no person, only which posting of which institution closes when.
CREATE TABLE job_posting_deadline (
    posting_id     uuid PRIMARY KEY REFERENCES job_posting (id) ON DELETE CASCADE,
    institution_id uuid        NOT NULL,
    closes_at      timestamptz NOT NULL
);

CREATE INDEX job_posting_deadline_due ON job_posting_deadline (closes_at, institution_id);

-- Kept by the database, as job_posting_word is, so that no write path can forget it: a posting is tracked while it
-- is OPEN, with its current closes_at, and dropped once it is anything else. Runs as the writing role, which is the
-- app role or, in maintenance, a role whose search_path is not this schema: hence the function's own search_path.
CREATE FUNCTION jobs_fn_track_deadline() RETURNS trigger LANGUAGE plpgsql SET search_path = jobs AS $$
BEGIN
    IF NEW.status = 'OPEN' THEN
        INSERT INTO job_posting_deadline (posting_id, institution_id, closes_at)
        VALUES (NEW.id, NEW.institution_id, NEW.closes_at)
        ON CONFLICT (posting_id) DO UPDATE SET closes_at = EXCLUDED.closes_at;
    ELSE
        DELETE FROM job_posting_deadline WHERE posting_id = NEW.id;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER jobs_trg_posting_saved AFTER INSERT OR UPDATE OF status, closes_at ON job_posting
    FOR EACH ROW EXECUTE FUNCTION jobs_fn_track_deadline();
