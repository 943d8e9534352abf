-- The columns, checks and indexes of EduMatrix's courses.course, and what a create writes beside it: an event for the
-- rest of the application (an outbox row) and an audit row. Run at every start-up (spring.sql.init.mode=always),
-- hence IF NOT EXISTS: the benchmark restarts the peer on the same database.
CREATE TABLE IF NOT EXISTS item (
    id              uuid PRIMARY KEY,
    version         bigint      NOT NULL,
    institution_id  uuid        NOT NULL,
    code            text        NOT NULL CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9_-]{1,31}$'),
    title           text        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    description     text        CHECK (length(description) <= 4000),
    enrollment_open boolean     NOT NULL,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS item_code_key ON item (institution_id, lower(code));
CREATE INDEX IF NOT EXISTS item_institution_page ON item (institution_id, id);

CREATE TABLE IF NOT EXISTS item_event (
    id           uuid PRIMARY KEY,
    type         text        NOT NULL,
    payload      jsonb       NOT NULL,
    created_at   timestamptz NOT NULL,
    completed_at timestamptz
);
CREATE INDEX IF NOT EXISTS item_event_incomplete ON item_event (created_at) WHERE completed_at IS NULL;

CREATE TABLE IF NOT EXISTS item_audit (
    id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
    table_name     text        NOT NULL,
    operation      text        NOT NULL,
    row_id         text,
    institution_id uuid,
    account_id     uuid,
    new_values     jsonb
);
CREATE INDEX IF NOT EXISTS item_audit_row ON item_audit (table_name, row_id, occurred_at DESC);
