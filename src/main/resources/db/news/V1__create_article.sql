-- A news article of an institution. Title and body are not personal data and are stored as plain text: a sealed
-- (encrypted) column could not be searched, and searching them is what the published list is for. Who wrote an
-- article is personal; it is kept in article_author, below, which an erasure deletes while the article stays.
CREATE TABLE article (
    id                uuid PRIMARY KEY,
    version           bigint      NOT NULL,
    institution_id    uuid        NOT NULL,
    status            text        NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED', 'RETRACTED')),
    title             text        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    body              text        NOT NULL CHECK (length(body) BETWEEN 1 AND 20000),
    tags              text[]      NOT NULL CHECK (cardinality(tags) <= 10),
    retraction_reason text        CHECK (length(retraction_reason) BETWEEN 1 AND 1000),
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    published_at      timestamptz,
    retracted_at      timestamptz,
    -- The 'simple' configuration neither stems nor drops stop words: institutions write in many languages, and an
    -- English stemmer would mangle the others. Title words weigh A, body words B, for a ranking should one be wanted.
    search            tsvector    GENERATED ALWAYS AS (
                          setweight(to_tsvector('simple'::regconfig, title), 'A')
                          || setweight(to_tsvector('simple'::regconfig, body), 'B')) STORED,
    CHECK ((status = 'DRAFT') = (published_at IS NULL)),
    CHECK ((status = 'RETRACTED') = (retracted_at IS NOT NULL AND retraction_reason IS NOT NULL))
);

-- The published list, newest first: keyset on (published_at, id) within the institution.
CREATE INDEX article_published_page ON article (institution_id, published_at DESC, id DESC) WHERE status = 'PUBLISHED';
CREATE INDEX article_draft_page ON article (institution_id, id DESC) WHERE status = 'DRAFT';
-- Full-text search and tag filters (see ArticleSearchPlanTests for when PostgreSQL can use them under row-level security).
CREATE INDEX article_search_idx ON article USING gin (search);
CREATE INDEX article_tags_idx ON article USING gin (tags);

-- Who wrote an article. Apart from the article so that erasing the author deletes this row only: the article stays,
-- by nobody. (An erasure runs with the person as data subject and no institution, so it could delete rows naming
-- them, but not set their column to null: the row would then name nobody, and row-level security refuses the write.)
CREATE TABLE article_author (
    id             uuid PRIMARY KEY,
    institution_id uuid NOT NULL,
    article_id     uuid NOT NULL UNIQUE REFERENCES article (id) ON DELETE CASCADE,
    account_id     uuid NOT NULL
);

CREATE INDEX article_author_account_idx ON article_author (account_id, article_id);
