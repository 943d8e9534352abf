-- A contract between a gig's client and the freelancer whose proposal was accepted. It keeps the money facts (the
-- agreed price, the milestones' amounts) by itself: gig and proposal are referenced by value, not by foreign key,
-- because erasing a person deletes their gigs and proposals while the contract stays.
CREATE TABLE contract (
    id             uuid PRIMARY KEY,
    version        bigint      NOT NULL,
    institution_id uuid        NOT NULL,
    gig_id         uuid        NOT NULL,
    proposal_id    uuid        NOT NULL,
    price_minor    bigint      NOT NULL CHECK (price_minor >= 0),
    price_currency char(3)     NOT NULL,
    status         text        NOT NULL CHECK (status IN ('ACTIVE', 'DELIVERED', 'COMPLETED', 'CANCELLED')),
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL
);

-- A gig is awarded once: the last guard behind the conditional update of the gig's status.
CREATE UNIQUE INDEX contract_gig_key ON contract (gig_id);
CREATE INDEX contract_proposal_idx ON contract (proposal_id);

-- The personal link between a contract and each of its two parties. Erasing a person deletes their link only: the
-- contract, and the other party's link, stay.
CREATE TABLE contract_party (
    id             uuid PRIMARY KEY,
    institution_id uuid        NOT NULL,
    contract_id    uuid        NOT NULL REFERENCES contract (id) ON DELETE CASCADE,
    account_id     uuid        NOT NULL,
    role           text        NOT NULL CHECK (role IN ('CLIENT', 'FREELANCER')),
    joined_at      timestamptz NOT NULL
);

CREATE UNIQUE INDEX contract_party_role_key ON contract_party (contract_id, role);
-- "My contracts" in keyset pages, and the person's links for export and erasure.
CREATE INDEX contract_party_account_page ON contract_party (account_id, contract_id);

-- A part of a contract's work: a title naming the work (not personal text), an amount in the contract's currency, a
-- due date.
CREATE TABLE milestone (
    id              uuid PRIMARY KEY,
    version         bigint      NOT NULL,
    institution_id  uuid        NOT NULL,
    contract_id     uuid        NOT NULL REFERENCES contract (id) ON DELETE CASCADE,
    title           text        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    amount_minor    bigint      NOT NULL CHECK (amount_minor >= 0),
    amount_currency char(3)     NOT NULL,
    due_date        date        NOT NULL,
    status          text        NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'ACCEPTED')),
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);

CREATE INDEX milestone_contract_page ON milestone (contract_id, id);
