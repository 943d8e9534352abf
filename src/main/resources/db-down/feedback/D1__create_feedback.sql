-- Down of db/feedback/V1__create_feedback.sql: drops the feedback.
DROP TABLE feedback;
