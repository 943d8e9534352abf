-- Down of db/students/V4__create_comment.sql: drops the comments.
DROP TABLE comment;
