-- The statistics read model. Every row is derived from other modules' events (their listeners are the only writers),
-- so it could be rebuilt from the events; nothing here is read from another module's schema.

-- Running totals of an institution: one row per figure (enrollments, contracts.completed, courseRatings.sum ...),
-- changed by deltas. Deltas commute, so events delivered out of order still add up to the same totals.
CREATE TABLE figure (
    institution_id uuid   NOT NULL,
    name           text   NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    value          bigint NOT NULL,
    PRIMARY KEY (institution_id, name)
);

-- The same, per UTC day of the events' occurredAt: the daily series.
CREATE TABLE daily_figure (
    institution_id uuid   NOT NULL,
    metric         text   NOT NULL CHECK (length(metric) BETWEEN 1 AND 100),
    day            date   NOT NULL,
    value          bigint NOT NULL,
    PRIMARY KEY (institution_id, metric, day)
);

-- What happened to a job posting or a gig (OPENED, AWARDED, CLOSED ...), once per mark. Their current states are
-- counted from the marks rather than kept as totals, because a closing means something else for a posting that was
-- never opened (a closed draft), and the events of one thing may arrive in any order.
CREATE TABLE lifecycle_mark (
    institution_id uuid NOT NULL,
    kind           text NOT NULL CHECK (kind IN ('JOB_POSTING', 'GIG')),
    entity_id      uuid NOT NULL,
    mark           text NOT NULL CHECK (length(mark) BETWEEN 1 AND 50),
    PRIMARY KEY (institution_id, kind, entity_id, mark)
);

-- An account that did something as a student (posted, enrolled, applied) on a UTC day: the active students of a
-- period are the distinct accounts of its days. Personal data: erased with the person.
CREATE TABLE active_account_day (
    institution_id uuid NOT NULL,
    account_id     uuid NOT NULL,
    day            date NOT NULL,
    PRIMARY KEY (institution_id, day, account_id)
);

CREATE INDEX active_account_day_account_idx ON active_account_day (account_id);
