-- A member's offer on a gig: a price in the gig's currency and a message sealed for the freelancer's account.
-- One per member and gig. A gig's erasure (its client's) takes its proposals with it.
CREATE TABLE proposal (
    id                    uuid PRIMARY KEY,
    version               bigint      NOT NULL,
    institution_id        uuid        NOT NULL,
    gig_id                uuid        NOT NULL REFERENCES gig (id) ON DELETE CASCADE,
    freelancer_account_id uuid        NOT NULL,
    price_minor           bigint      NOT NULL CHECK (price_minor >= 0),
    price_currency        char(3)     NOT NULL,
    message               bytea       NOT NULL,
    status                text        NOT NULL CHECK (status IN ('SUBMITTED', 'ACCEPTED', 'REJECTED', 'WITHDRAWN')),
    created_at            timestamptz NOT NULL,
    updated_at            timestamptz NOT NULL
);

-- "One per member per gig", and a gig's proposals (all, or one member's) in keyset pages.
CREATE UNIQUE INDEX proposal_member_key ON proposal (gig_id, freelancer_account_id);
CREATE INDEX proposal_gig_page ON proposal (gig_id, id);
CREATE INDEX proposal_freelancer_idx ON proposal (freelancer_account_id);
