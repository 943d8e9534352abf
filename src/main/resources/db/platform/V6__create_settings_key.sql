-- The key that makes the settings the row-level-security policies trust unforgeable by SQL running as the app role
-- (ADR 0026): the tenant (app.institution_id), the acting account (app.account_id), the data subject
-- (app.data_subject) and the audit scope (app.audit_scope). The application signs each value it sets with HMAC-SHA256
-- under this key; the policies read them only through ${module}_fn_verified_setting, which checks the signature.
-- One row, written by the application at its first start with the admin connection (acting as the owner role):
-- the key wrapped under the platform's master key, which the application unwraps at every start, and HMAC's inner
-- and outer padded keys (RFC 2104), with which PostgreSQL's built-in sha256 computes the same HMAC. The app role may
-- read the wrapped key only: without the master key it is noise.
CREATE TABLE settings_key (
    id          boolean PRIMARY KEY DEFAULT true CHECK (id),
    wrapped_key bytea       NOT NULL,
    -- The fingerprint of the master key that wraps it (ADR 0027).
    master_key  text,
    inner_pad   bytea       NOT NULL CHECK (length(inner_pad) = 64),
    outer_pad   bytea       NOT NULL CHECK (length(outer_pad) = 64),
    created_at  timestamptz NOT NULL
);

-- The value of a trusted setting if the application signed it for this setting in this module, at most a minute
-- before the transaction began (or ten seconds after, for clocks that differ), else NULL. A signed value reads
-- value|issued (milliseconds since 1970)|hex of HMAC-SHA256(key, setting|value|issued). Anything malformed is NULL
-- rather than an error: the signature is checked first, on text only, and nothing is cast before it matched, so a
-- forged value only ever narrows what a statement sees. No regular expression: matching one cost three times the rest.
-- The policies call it as (SELECT ${module}_fn_verified_setting(…)): an InitPlan, evaluated once per statement, whose
-- result the index conditions use like a parameter.
CREATE FUNCTION ${module}_fn_verified_setting(setting text) RETURNS text
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    signed text := current_setting(setting, true);
    pads   record;
BEGIN
    -- Most settings of most transactions are empty (no data subject, no audit scope): no key to read for them.
    IF signed IS NULL OR signed = '' THEN
        RETURN NULL;
    END IF;
    SELECT inner_pad, outer_pad INTO pads FROM "${module}".settings_key;
    IF encode(sha256(pads.outer_pad || sha256(pads.inner_pad || convert_to(setting || '|' || left(signed, -65), 'UTF8'))),
            'hex') = right(signed, 64) THEN
        IF to_timestamp(split_part(signed, '|', 2)::float8 / 1000)
                BETWEEN transaction_timestamp() - interval '60 seconds' AND transaction_timestamp() + interval '10 seconds' THEN
            RETURN split_part(signed, '|', 1);
        END IF;
    END IF;
    RETURN NULL;
END
$$;

REVOKE ALL ON settings_key FROM PUBLIC, "${app_role}";
GRANT SELECT (wrapped_key, master_key) ON settings_key TO "${app_role}";
-- The policies run it as the role that queries: the app role.
REVOKE ALL ON FUNCTION ${module}_fn_verified_setting(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ${module}_fn_verified_setting(text) TO "${app_role}";

-- The audit trail's reader policy trusts the tenant and the audit scope only as signed.
DROP POLICY audit_reader ON audit_log;
CREATE POLICY audit_reader ON audit_log FOR SELECT
    USING (institution_id = (SELECT ${module}_fn_verified_setting('app.institution_id')::uuid)
        OR (SELECT ${module}_fn_verified_setting('app.audit_scope')) = 'all');

-- The trail records the acting account only as signed: a forged one is recorded as none.
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
            "${module}".${module}_fn_verified_setting('app.account_id')::uuid,
            nullif(current_setting('app.request_id', true), ''),
            old_values, new_values);
    RETURN NULL;
END
$$;
