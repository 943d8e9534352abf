-- Institutions are the tenants. The registry itself is global: an institution exists before anyone belongs to it.
CREATE TABLE institution (
    id         uuid PRIMARY KEY,
    version    bigint      NOT NULL,
    name       text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    code       text        NOT NULL CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9_-]{1,31}$'),
    status     text        NOT NULL CHECK (status IN ('ACTIVE', 'DEACTIVATED')),
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);

CREATE UNIQUE INDEX institution_code_key ON institution (lower(code));
