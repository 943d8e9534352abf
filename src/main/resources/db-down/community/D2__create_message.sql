-- Down of db/community/V2__create_message.sql: drops the messages and their mentions.
DROP TABLE message_mention;
DROP TABLE message;
