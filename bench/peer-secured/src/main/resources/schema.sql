-- What EduMatrix's POST /api/courses writes and reads synchronously, in the request's transaction, as a careful team
-- would lay it out by hand: the institution a create checks (EduMatrix's institutions.institution, reduced to what the
-- check reads), the columns, checks and indexes of EduMatrix's courses.course, who teaches the item (its
-- course_instructor), an event for the rest of the application (an outbox row) and an audit row per insert.
-- EduMatrix also delivers the event after commit to the statistics module's listener: that asynchronous work is its
-- own and has no counterpart here. Run at every start-up (spring.sql.init.mode=always), hence IF NOT EXISTS: the
-- benchmark restarts the peer on the same database.

-- Copied from EduMatrix's institutions by bench/peer-compare.sh (active: its status is ACTIVE, not DEACTIVATED).
CREATE TABLE IF NOT EXISTS institution (
    id     uuid PRIMARY KEY,
    name   text    NOT NULL,
    active boolean NOT NULL
);

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

-- Who teaches an item: the staff member who created it, as EduMatrix's course_instructor (the same columns,
-- constraints and indexes). account_id is the token's subject, by value.
CREATE TABLE IF NOT EXISTS item_instructor (
    id             uuid PRIMARY KEY,
    institution_id uuid        NOT NULL,
    item_id        uuid        NOT NULL REFERENCES item (id) ON DELETE CASCADE,
    account_id     uuid        NOT NULL,
    assigned_at    timestamptz NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS item_instructor_key ON item_instructor (item_id, account_id);
CREATE INDEX IF NOT EXISTS item_instructor_account_idx ON item_instructor (account_id);

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
