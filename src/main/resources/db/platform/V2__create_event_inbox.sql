-- Events this module's listeners have processed. A row is written in the listener's own transaction, so a
-- redelivered event (delivery is at least once) finds it and does nothing.
CREATE TABLE event_inbox (
    event_id     uuid        NOT NULL,
    listener_id  text        NOT NULL,
    processed_at timestamptz NOT NULL,
    PRIMARY KEY (event_id, listener_id)
);

CREATE INDEX event_inbox_processed_at_idx ON event_inbox (processed_at);
