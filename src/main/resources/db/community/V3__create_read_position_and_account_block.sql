-- How far a member has read a room: the newest message they have seen (ids are time-ordered, UUID v7), once per room
-- and account. No foreign key to the message: a position stays where it is when that message is deleted.
CREATE TABLE read_position (
    id             uuid PRIMARY KEY,
    institution_id uuid        NOT NULL,
    room_id        uuid        NOT NULL REFERENCES room (id) ON DELETE CASCADE,
    account_id     uuid        NOT NULL,
    message_id     uuid        NOT NULL,
    read_at        timestamptz NOT NULL
);

CREATE UNIQUE INDEX read_position_key ON read_position (room_id, account_id);
-- Who has read a message: the room's positions at or past it.
CREATE INDEX read_position_room_idx ON read_position (room_id, message_id);
-- The person's positions for their export and erasure.
CREATE INDEX read_position_account_idx ON read_position (account_id);

-- That an account blocked another in an institution: the blocked one's messages are hidden from the blocker, and their
-- mentions of the blocker tell the blocker nothing. Nothing tells the blocked one.
CREATE TABLE account_block (
    id                 uuid PRIMARY KEY,
    institution_id     uuid        NOT NULL,
    blocker_account_id uuid        NOT NULL,
    blocked_account_id uuid        NOT NULL,
    blocked_at         timestamptz NOT NULL
);

CREATE UNIQUE INDEX account_block_key ON account_block (institution_id, blocker_account_id, blocked_account_id);
CREATE INDEX account_block_blocked_idx ON account_block (blocked_account_id);

-- The platform's data-subject policy (ADR 0015) admits one column per table, here blocker_account_id. A block names a
-- second person, and erasing them must remove it too: this permissive policy, OR-ed with the others, admits the rows
-- that name the bound data subject as the blocked one, in every institution, and only while a subject is bound (a
-- signed one: ADR 0026).
CREATE POLICY data_subject_blocked ON account_block
    USING (blocked_account_id = (SELECT community_fn_verified_setting('app.data_subject')::uuid))
    WITH CHECK (blocked_account_id = (SELECT community_fn_verified_setting('app.data_subject')::uuid));
