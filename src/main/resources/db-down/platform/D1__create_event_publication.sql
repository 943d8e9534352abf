-- Down of db/platform/V1__create_event_publication.sql: drops the module's event outbox.
DROP TABLE event_publication;
