-- This module's audit trail. A row per change of a table the module declares @Audited (written by the trigger
-- function below, which the platform's repeatable migration attaches to each such table), and a row per change of
-- the schema's structure (written by the database's DDL event trigger, where a superuser installed it).
-- Append-only: only the owner role writes it; the app role may read it through the policy below and do nothing else.
-- Partitioned by month, so that retention drops whole months instead of deleting rows.
CREATE TABLE audit_log (
    id               bigint      GENERATED ALWAYS AS IDENTITY,
    occurred_at      timestamptz NOT NULL DEFAULT clock_timestamp(),
    -- The audited table; null for a change of the schema's structure.
    table_name       text,
    -- INSERT, UPDATE, DELETE, TRUNCATE, or the command tag of a structural change (CREATE TABLE, DROP INDEX, …).
    operation        text        NOT NULL,
    -- The row's primary key as text (the object's name for a structural change); null when the key is a secret.
    row_id           text,
    -- The row's institution, for tenant-owned tables only.
    institution_id   uuid,
    -- Who acted: the transaction-local settings the platform sends with every module transaction's first statement.
    account_id       uuid,
    request_id       text,
    transaction_id   xid8        NOT NULL DEFAULT pg_current_xact_id(),
    -- The row before and after, without the columns the module declares omitted (secrets).
    old_values       jsonb,
    new_values       jsonb,
    -- For a structural change: the role that ran it, and the role that logged in.
    db_current_user  text,
    db_session_user  text,
    PRIMARY KEY (id, occurred_at)
) PARTITION BY RANGE (occurred_at);

-- Keyset pages, newest first: of one row, and of the whole trail.
CREATE INDEX audit_log_row_page ON audit_log (table_name, row_id, occurred_at DESC, id DESC);
CREATE INDEX audit_log_page ON audit_log (occurred_at DESC, id DESC);

-- An institution's admin reads the entries of the institution (the tenant of the transaction); a platform admin
-- reads everything: the platform's audit reader sets app.audit_scope for platform admins only. Only the owner role
-- inserts (through the trigger function, which runs as the owner); no policy admits UPDATE or DELETE, so even a
-- role that was granted them by mistake changes nothing.
ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_log FORCE ROW LEVEL SECURITY;
CREATE POLICY audit_reader ON audit_log FOR SELECT
    USING (institution_id = nullif(current_setting('app.institution_id', true), '')::uuid
        OR current_setting('app.audit_scope', true) = 'all');
CREATE POLICY audit_writer ON audit_log FOR INSERT TO "${owner_role}" WITH CHECK (true);

-- Written by audited tables' triggers with the owner's rights: the app role cannot write the trail any other way.
-- Arguments: the primary key column ('' when it is a secret), whether the table is tenant-owned, the omitted columns.
CREATE FUNCTION ${module}_fn_audit() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    key_column   text    := nullif(TG_ARGV[0], '');
    tenant_owned boolean := TG_ARGV[1]::boolean;
    omitted      text[]  := TG_ARGV[2:TG_NARGS - 1];
    old_values   jsonb;
    new_values   jsonb;
    changed_row  jsonb;
BEGIN
    IF TG_LEVEL = 'ROW' THEN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
            old_values := to_jsonb(OLD) - omitted;
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
            new_values := to_jsonb(NEW) - omitted;
        END IF;
        changed_row := coalesce(new_values, old_values);
    END IF;
    INSERT INTO "${module}".audit_log (table_name, operation, row_id, institution_id, account_id, request_id,
            old_values, new_values)
    VALUES (TG_TABLE_NAME, TG_OP, changed_row ->> key_column,
            CASE WHEN tenant_owned THEN (changed_row ->> 'institution_id')::uuid END,
            nullif(current_setting('app.account_id', true), '')::uuid,
            nullif(current_setting('app.request_id', true), ''),
            old_values, new_values);
    RETURN NULL;
END
$$;

-- A write never fails for want of a month's partition; the platform creates the months ahead of time.
CREATE TABLE audit_log_default PARTITION OF audit_log DEFAULT;

-- The default privileges gave the app role DML on the new tables and EXECUTE on the function.
REVOKE ALL ON audit_log, audit_log_default FROM PUBLIC, "${app_role}";
GRANT SELECT ON audit_log TO "${app_role}";
REVOKE ALL ON SEQUENCE audit_log_id_seq FROM PUBLIC, "${app_role}";
REVOKE ALL ON FUNCTION ${module}_fn_audit() FROM PUBLIC, "${app_role}";
