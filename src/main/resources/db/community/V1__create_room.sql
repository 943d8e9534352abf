-- A chat room of one institution. PUBLIC rooms are open to every member of the institution; PRIVATE ones to the
-- members their owner adds. Who owns a room is a membership role (room_member.role), so the room itself holds nothing
-- about a person, and an erased owner's room stays for its other members, without an owner.
CREATE TABLE room (
    id             uuid PRIMARY KEY,
    version        bigint      NOT NULL,
    institution_id uuid        NOT NULL,
    name           text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    visibility     text        NOT NULL CHECK (visibility IN ('PUBLIC', 'PRIVATE')),
    created_at     timestamptz NOT NULL
);

CREATE INDEX room_institution_page ON room (institution_id, id);

-- An account's membership of a room, once per room. account_id refers to the identity module by value.
CREATE TABLE room_member (
    id             uuid PRIMARY KEY,
    institution_id uuid        NOT NULL,
    room_id        uuid        NOT NULL REFERENCES room (id) ON DELETE CASCADE,
    account_id     uuid        NOT NULL,
    role           text        NOT NULL CHECK (role IN ('OWNER', 'MEMBER')),
    joined_at      timestamptz NOT NULL
);

CREATE UNIQUE INDEX room_member_key ON room_member (room_id, account_id);
-- "The private rooms I belong to", and the person's memberships for their export and erasure.
CREATE INDEX room_member_account_idx ON room_member (account_id, room_id);
