-- A gig posted by a member of an institution (its client). Title and description are personal text, sealed for the
-- client's account (ADR 0013). The budget is two amounts of one currency, in minor units.
CREATE TABLE gig (
    id                  uuid PRIMARY KEY,
    version             bigint      NOT NULL,
    institution_id      uuid        NOT NULL,
    client_account_id   uuid        NOT NULL,
    title               bytea       NOT NULL,
    description         bytea       NOT NULL,
    budget_min_minor    bigint      NOT NULL CHECK (budget_min_minor >= 0),
    budget_min_currency char(3)     NOT NULL,
    budget_max_minor    bigint      NOT NULL,
    budget_max_currency char(3)     NOT NULL,
    deadline            timestamptz NOT NULL,
    status              text        NOT NULL CHECK (status IN ('OPEN', 'AWARDED', 'CLOSED')),
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    CHECK (budget_max_currency = budget_min_currency),
    CHECK (budget_max_minor >= budget_min_minor)
);

-- The institution's gigs by status, in keyset pages (row-level security adds the institution).
CREATE INDEX gig_status_page ON gig (institution_id, status, id);
CREATE INDEX gig_page ON gig (institution_id, id);
-- The person's gigs in every institution, for their export and erasure.
CREATE INDEX gig_client_idx ON gig (client_account_id);
