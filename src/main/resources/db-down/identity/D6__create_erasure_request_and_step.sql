-- Down of db/identity/V6__create_erasure_request_and_step.sql: drops the erasure requests and their steps.
DROP TABLE erasure_step;
DROP TABLE erasure_request;
