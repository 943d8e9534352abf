package io.edumatrix.platform.audit;

import java.util.List;

/**
 * What provisioning adds for the audit trail: keeping the app roles read-only on it, and the event trigger that
 * records structural changes of the module schemas (ADR 0014).
 */
final class AuditProvisioning {

    static final String DDL_FUNCTION = "public.edumatrix_fn_audit_ddl";

    private AuditProvisioning() {}

    /**
     * Provisioning grants the app role DML on every table of its schema at every start, the audit log's month
     * partitions included; this takes it back (the app role keeps SELECT on the log itself, and nothing on its
     * partitions or its sequence). Idempotent, and does nothing before the log exists.
     */
    static String keepAppRoleReadOnly(String schema, String appRole) {
        var log = AuditMigrations.literal(AuditMigrations.ident(schema) + ".audit_log");
        var app = AuditMigrations.ident(appRole);
        return "DO $$ DECLARE p regclass; BEGIN"
                + " IF to_regclass(" + log + ") IS NULL THEN RETURN; END IF;"
                + " REVOKE INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON " + AuditMigrations.ident(schema)
                + ".audit_log FROM " + app + ";"
                + " REVOKE ALL ON SEQUENCE " + AuditMigrations.ident(schema) + ".audit_log_id_seq FROM " + app + ";"
                + " FOR p IN SELECT inhrelid::regclass FROM pg_inherits WHERE inhparent = to_regclass(" + log + ") LOOP"
                + " EXECUTE format('REVOKE ALL ON %s FROM " + app.replace("'", "''") + "', p);"
                + " END LOOP; END $$";
    }

    /**
     * The event trigger that writes each structural change of a schema into that schema's {@code audit_log}, with the
     * role that ran it ({@code current_user}) and the one that logged in ({@code session_user}). Creating an event
     * trigger needs a superuser. Schemas without an audit log are left alone, and so is a log without its default
     * partition attached (while its migration creates it, and while a month's partition is created, see
     * {@link AuditPartitions}): an entry could find no partition to go to. So is a dropped schema, whose log is gone
     * by the time {@code sql_drop} fires: dropping a schema or the database works as before. GRANT and REVOKE name no schema and are not
     * recorded. Both functions run with the rights of the role that changed the schema (its owner, or a superuser),
     * so calling the second one directly lets nobody write a log they could not write anyway. Idempotent.
     */
    static List<String> ddlEventTrigger() {
        return List.of("CREATE OR REPLACE FUNCTION " + DDL_FUNCTION + "() RETURNS event_trigger"
                        + " LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$"
                        + " DECLARE change record; BEGIN"
                        + " IF TG_EVENT = 'ddl_command_end' THEN"
                        + " FOR change IN SELECT command_tag AS tag, object_type, schema_name, object_identity"
                        + " FROM pg_event_trigger_ddl_commands() WHERE schema_name IS NOT NULL LOOP"
                        + " PERFORM " + DDL_FUNCTION + "_record(change.schema_name, change.tag, change.object_type,"
                        + " change.object_identity); END LOOP;"
                        + " ELSE"
                        + " FOR change IN SELECT TG_TAG AS tag, object_type, schema_name, object_identity"
                        + " FROM pg_event_trigger_dropped_objects() WHERE schema_name IS NOT NULL AND original LOOP"
                        + " PERFORM " + DDL_FUNCTION + "_record(change.schema_name, change.tag, change.object_type,"
                        + " change.object_identity); END LOOP;"
                        + " END IF; END $$",
                "CREATE OR REPLACE FUNCTION " + DDL_FUNCTION + "_record(schema_name text, tag text, object_type text,"
                        + " object_identity text) RETURNS void"
                        + " LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$ BEGIN"
                        + " IF NOT EXISTS (SELECT FROM pg_inherits"
                        + " WHERE inhrelid = to_regclass(format('%I.audit_log_default', schema_name))) THEN RETURN; END IF;"
                        + " EXECUTE format('INSERT INTO %I.audit_log (operation, row_id, account_id, request_id, new_values,"
                        + " db_current_user, db_session_user) VALUES ($1, $2, $3, $4, $5, current_user, session_user)',"
                        + " schema_name) USING tag, object_identity,"
                        + " nullif(current_setting('app.account_id', true), '')::uuid,"
                        + " nullif(current_setting('app.request_id', true), ''),"
                        + " jsonb_build_object('objectType', object_type, 'objectIdentity', object_identity);"
                        + " END $$",
                createEventTriggerIfMissing("edumatrix_trg_audit_ddl", "ddl_command_end"),
                createEventTriggerIfMissing("edumatrix_trg_audit_drop", "sql_drop"));
    }

    private static String createEventTriggerIfMissing(String name, String event) {
        return "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_event_trigger WHERE evtname = " + AuditMigrations.literal(name)
                + ") THEN CREATE EVENT TRIGGER " + name + " ON " + event + " EXECUTE FUNCTION " + DDL_FUNCTION
                + "(); END IF; END $$";
    }
}
