-- Down of db/platform/V2__create_event_inbox.sql: drops the module's event inbox.
DROP TABLE event_inbox;
