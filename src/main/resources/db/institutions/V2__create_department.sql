-- Departments belong to an institution's aggregate; institution_id is both the parent key and the tenant.
CREATE TABLE department (
    id             uuid PRIMARY KEY,
    institution_id uuid        NOT NULL REFERENCES institution (id) ON DELETE CASCADE,
    name           text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    code           text        NOT NULL,
    created_at     timestamptz NOT NULL
);

CREATE UNIQUE INDEX department_code_key ON department (institution_id, lower(code));
