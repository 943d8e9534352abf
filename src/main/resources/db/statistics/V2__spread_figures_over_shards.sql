-- Every delta to an institution's figure went to one row, so under a stream of events the module's listener threads
-- queued on that row's lock: with a course created every millisecond, the 'courses' total and its day were the hottest
-- rows of the database, and PostgreSQL spent almost twice the CPU per delta as on rows nobody else updates (ADR 0042).
-- A figure is now spread over up to 16 rows (shard 0 to 15), each delta added to one the listener picks at random, and
-- read as the sum of its shards. Rows written before are shard 0.
ALTER TABLE figure
    ADD COLUMN shard smallint NOT NULL DEFAULT 0 CONSTRAINT figure_shard_check CHECK (shard BETWEEN 0 AND 15),
    DROP CONSTRAINT figure_pkey,
    ADD CONSTRAINT figure_pkey PRIMARY KEY (institution_id, name, shard);

ALTER TABLE daily_figure
    ADD COLUMN shard smallint NOT NULL DEFAULT 0 CONSTRAINT daily_figure_shard_check CHECK (shard BETWEEN 0 AND 15),
    DROP CONSTRAINT daily_figure_pkey,
    ADD CONSTRAINT daily_figure_pkey PRIMARY KEY (institution_id, metric, day, shard);
