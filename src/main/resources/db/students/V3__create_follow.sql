-- One profile following another of the same institution. Deleting either profile deletes the follow.
CREATE TABLE follow (
    id                  uuid PRIMARY KEY,
    institution_id      uuid        NOT NULL,
    follower_profile_id uuid        NOT NULL REFERENCES profile (id) ON DELETE CASCADE,
    followed_profile_id uuid        NOT NULL REFERENCES profile (id) ON DELETE CASCADE,
    follower_account_id uuid        NOT NULL,
    followed_at         timestamptz NOT NULL,
    CHECK (follower_profile_id <> followed_profile_id)
);

-- Serves "once per pair" and the feed's list of followed profiles (index-only).
CREATE UNIQUE INDEX follow_pair_key ON follow (follower_profile_id, followed_profile_id);
CREATE INDEX follow_followed_idx ON follow (followed_profile_id);
CREATE INDEX follow_account_idx ON follow (follower_account_id);
