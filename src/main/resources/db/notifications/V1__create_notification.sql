-- A notification, made from another module's event. A personal one names its recipient; a broadcast (recipient NULL)
-- is for every member of its institution, which row-level security alone scopes, so an institution-wide event is one
-- row and not one per member. Notifications carry ids (the enrollment, application, ... it is about), never text.
CREATE TABLE notification (
    id                   uuid PRIMARY KEY,
    institution_id       uuid        NOT NULL,
    recipient_account_id uuid,
    category             text        NOT NULL CHECK (category IN ('ENROLLMENT', 'APPLICATION', 'PROPOSAL', 'CONTRACT',
                                                                  'ARTICLE', 'MENTION', 'FEEDBACK')),
    subject_id           uuid        NOT NULL,
    detail               text,
    source_event_id      uuid        NOT NULL,
    created_at           timestamptz NOT NULL
);

-- One notification per event and recipient, even if the inbox ever let an event through twice.
CREATE UNIQUE INDEX notification_source_key ON notification (source_event_id, recipient_account_id) NULLS NOT DISTINCT;
-- "Mine", and the person's notifications for their export and erasure.
CREATE INDEX notification_recipient_idx ON notification (recipient_account_id, id);
-- The institution's broadcasts.
CREATE INDEX notification_broadcast_idx ON notification (institution_id, id) WHERE recipient_account_id IS NULL;

-- That an account has read a notification: per reader, because a broadcast has many.
CREATE TABLE notification_read (
    id              uuid PRIMARY KEY,
    institution_id  uuid        NOT NULL,
    notification_id uuid        NOT NULL REFERENCES notification (id) ON DELETE CASCADE,
    account_id      uuid        NOT NULL,
    read_at         timestamptz NOT NULL
);

CREATE UNIQUE INDEX notification_read_key ON notification_read (account_id, notification_id);

-- A category an account switched off in an institution; every category not listed here is on.
CREATE TABLE muted_category (
    id             uuid PRIMARY KEY,
    institution_id uuid        NOT NULL,
    account_id     uuid        NOT NULL,
    category       text        NOT NULL CHECK (category IN ('ENROLLMENT', 'APPLICATION', 'PROPOSAL', 'CONTRACT',
                                                            'ARTICLE', 'MENTION', 'FEEDBACK')),
    muted_at       timestamptz NOT NULL
);

CREATE UNIQUE INDEX muted_category_key ON muted_category (account_id, institution_id, category);

-- A device an account receives pushes on. The token is personal: only ciphertext sealed for the account (ADR 0013).
CREATE TABLE device_token (
    id             uuid PRIMARY KEY,
    institution_id uuid        NOT NULL,
    account_id     uuid        NOT NULL,
    platform       text        NOT NULL CHECK (platform IN ('ANDROID', 'IOS', 'WEB')),
    token          bytea       NOT NULL,
    registered_at  timestamptz NOT NULL
);

CREATE INDEX device_token_account_idx ON device_token (account_id, id);
