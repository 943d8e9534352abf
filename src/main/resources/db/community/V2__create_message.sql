-- A message in a room; its body is sealed for the author's account (ADR 0013). Deleting a message deletes it (there is
-- no tombstone), and so does deleting its room.
CREATE TABLE message (
    id                uuid PRIMARY KEY,
    version           bigint      NOT NULL,
    institution_id    uuid        NOT NULL,
    room_id           uuid        NOT NULL REFERENCES room (id) ON DELETE CASCADE,
    author_account_id uuid        NOT NULL,
    body              bytea       NOT NULL,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL
);

-- A room's messages newest first (ids are time-ordered, UUID v7), and those after a stream's Last-Event-ID.
CREATE INDEX message_room_page ON message (room_id, id);
CREATE INDEX message_account_idx ON message (author_account_id);

-- An account a message mentions: a member of the room when the message was posted.
CREATE TABLE message_mention (
    id             uuid PRIMARY KEY,
    institution_id uuid NOT NULL,
    message_id     uuid NOT NULL REFERENCES message (id) ON DELETE CASCADE,
    account_id     uuid NOT NULL
);

CREATE UNIQUE INDEX message_mention_key ON message_mention (message_id, account_id);
CREATE INDEX message_mention_account_idx ON message_mention (account_id);
