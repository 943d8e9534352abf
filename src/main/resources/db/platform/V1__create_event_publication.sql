-- This module's outbox, in the layout of Spring Modulith 2.x's JDBC event publication registry. A row is written in
-- the same transaction as the change the event announces, and completed once the listener it names has succeeded.
CREATE TABLE event_publication (
    id                     uuid PRIMARY KEY,
    listener_id            text        NOT NULL,
    event_type             text        NOT NULL,
    serialized_event       text        NOT NULL,
    publication_date       timestamptz NOT NULL,
    completion_date        timestamptz,
    status                 text        NOT NULL,
    completion_attempts    integer     NOT NULL,
    last_resubmission_date timestamptz
);

-- Completion by (listener, event) looks rows up by the serialized event.
CREATE INDEX event_publication_serialized_event_idx ON event_publication USING hash (serialized_event);
-- Incomplete publications are scanned at start-up and by the staleness monitor; completed ones by the cleanup.
CREATE INDEX event_publication_incomplete_idx ON event_publication (publication_date) WHERE completion_date IS NULL;
CREATE INDEX event_publication_completion_date_idx ON event_publication (completion_date);
