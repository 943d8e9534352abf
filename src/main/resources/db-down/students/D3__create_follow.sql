-- Down of db/students/V3__create_follow.sql: drops the follows.
DROP TABLE follow;
