-- A post by a profile; its body is sealed for the author's account. Deleting a profile (an erasure) deletes its posts.
CREATE TABLE post (
    id                uuid PRIMARY KEY,
    version           bigint      NOT NULL,
    institution_id    uuid        NOT NULL,
    author_profile_id uuid        NOT NULL REFERENCES profile (id) ON DELETE CASCADE,
    author_account_id uuid        NOT NULL,
    body              bytea       NOT NULL,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL
);

-- The feed reads each followed author's newest posts by id (ids are time-ordered, UUID v7).
CREATE INDEX post_author_newest ON post (author_profile_id, id DESC);
CREATE INDEX post_account_idx ON post (author_account_id);

-- A like of a post, once per account.
CREATE TABLE post_like (
    id             uuid PRIMARY KEY,
    institution_id uuid        NOT NULL,
    post_id        uuid        NOT NULL REFERENCES post (id) ON DELETE CASCADE,
    account_id     uuid        NOT NULL,
    liked_at       timestamptz NOT NULL
);

CREATE UNIQUE INDEX post_like_account_key ON post_like (post_id, account_id);
CREATE INDEX post_like_account_idx ON post_like (account_id);
