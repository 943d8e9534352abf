-- Text search over postings' titles and descriptions, served by a B-tree of their words.
--
-- Why not a GIN index (full text or pg_trgm) on job_posting: job_posting has forced row-level security, and PostgreSQL
-- evaluates a query's own conditions only after the policy's unless their operators are LEAKPROOF. Neither the full
-- text match (@@) nor the trigram operators (ILIKE, %) are, so for the app role the planner never uses such an index;
-- it reads all of the institution's postings and filters them (checked with EXPLAIN; only a superuser can mark an
-- operator leakproof). Text comparisons (=, <, >=) are leakproof, so an index of words is used under the policy.
--
-- The words are the lexemes of to_tsvector('simple', title || ' ' || description): lower-cased, split on anything but
-- letters and digits, not stemmed (postings are in any language). A query word matches every word it is a prefix of,
-- case-insensitively. The "C" collation orders words by their bytes, so a prefix is a range of the index.
CREATE TABLE job_posting_word (
    institution_id uuid NOT NULL,
    posting_id     uuid NOT NULL REFERENCES job_posting (id) ON DELETE CASCADE,
    word           text COLLATE "C" NOT NULL,
    PRIMARY KEY (posting_id, word)
);

CREATE INDEX job_posting_word_prefix ON job_posting_word (institution_id, word, posting_id);

-- Kept by the database, so that no write path can forget it; runs as the writing (app) role, under its policies.
CREATE FUNCTION job_posting_words() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM job_posting_word WHERE posting_id = NEW.id;
    INSERT INTO job_posting_word (institution_id, posting_id, word)
    SELECT DISTINCT NEW.institution_id, NEW.id, left(word, 200)
      FROM unnest(tsvector_to_array(to_tsvector('simple', NEW.title || ' ' || NEW.description))) AS word
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;

CREATE TRIGGER job_posting_words AFTER INSERT OR UPDATE OF title, description ON job_posting
    FOR EACH ROW EXECUTE FUNCTION job_posting_words();
