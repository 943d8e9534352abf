-- Down of db/platform/V3__create_audit_log.sql: drops the audit trail with every month's partition, and its trigger function (refused while a module table still has an audit trigger: roll the module's own history back first).
DROP FUNCTION ${module}_fn_audit();
DROP TABLE audit_log;
