-- GDPR erasure requests. Kept after the erasure: that an erasure happened, when and at whose request, is what the
-- controller must be able to show. account_id is the erased account's id by value; no personal value is kept here.
CREATE TABLE erasure_request (
    id           uuid PRIMARY KEY,
    account_id   uuid        NOT NULL,
    requested_by uuid        NOT NULL,
    status       text        NOT NULL CHECK (status IN ('PENDING', 'COMPLETED')),
    requested_at timestamptz NOT NULL,
    completed_at timestamptz,
    CHECK ((status = 'COMPLETED') = (completed_at IS NOT NULL))
);

-- At most one pending request per account: a second request answers with the pending one.
CREATE UNIQUE INDEX erasure_request_one_pending ON erasure_request (account_id) WHERE status = 'PENDING';

-- The modules that must confirm a request, fixed when it is made, and when each one did.
CREATE TABLE erasure_step (
    id           uuid PRIMARY KEY,
    request_id   uuid        NOT NULL REFERENCES erasure_request (id),
    module       text        NOT NULL,
    confirmed_at timestamptz
);

CREATE UNIQUE INDEX erasure_step_module_key ON erasure_step (request_id, module);
