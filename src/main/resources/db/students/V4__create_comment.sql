-- A comment under a post; its body is sealed for the author's account.
CREATE TABLE comment (
    id                uuid PRIMARY KEY,
    version           bigint      NOT NULL,
    institution_id    uuid        NOT NULL,
    post_id           uuid        NOT NULL REFERENCES post (id) ON DELETE CASCADE,
    author_profile_id uuid        NOT NULL REFERENCES profile (id) ON DELETE CASCADE,
    author_account_id uuid        NOT NULL,
    body              bytea       NOT NULL,
    created_at        timestamptz NOT NULL
);

CREATE INDEX comment_post_page ON comment (post_id, id);
CREATE INDEX comment_account_idx ON comment (author_account_id);
CREATE INDEX comment_profile_idx ON comment (author_profile_id);
