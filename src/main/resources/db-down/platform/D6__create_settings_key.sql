-- Down of db/platform/V6__create_settings_key.sql: the audit trail's reader policy and trigger function read the
-- settings as they are again, and the settings key and its verifier go. The module's tables, whose policies call the
-- verifier, are rolled back first.
DROP POLICY audit_reader ON audit_log;
CREATE POLICY audit_reader ON audit_log FOR SELECT
    USING (institution_id = nullif(current_setting('app.institution_id', true), '')::uuid
        OR current_setting('app.audit_scope', true) = 'all');

CREATE OR REPLACE FUNCTION ${module}_fn_audit() RETURNS trigger
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

DROP FUNCTION ${module}_fn_verified_setting(text);
DROP TABLE settings_key;
