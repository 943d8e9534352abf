package io.edumatrix.platform.audit;

import io.edumatrix.platform.data.ModuleBeans;
import io.edumatrix.platform.data.ModuleDataAccess;
import io.edumatrix.platform.data.ModuleDatabase;
import io.edumatrix.platform.data.ModuleDatabases;
import io.edumatrix.platform.tenancy.AuditScope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads a module's trail through the module's own connections, as its app role, in a read-only transaction of the
 * module's transaction manager, which carries the caller's institution to the row-level security policy: an
 * institution admin sees the institution's entries. For a platform admin the transaction also carries the audit
 * scope ({@link AuditScope#everyEntry}), signed like the tenant, which the policy admits everything with.
 */
final class AuditReader {

    /** What a module's trail is read by: the module, and optionally one of its audited tables and a row of it. */
    record Query(ModuleDatabase module, Optional<String> table, Optional<String> rowId, Optional<AuditCursor> after,
            int limit) {}

    private final ModuleDatabases modules;
    private final BeanFactory beans;
    private final Map<String, AuditedTables> audited;

    AuditReader(ModuleDatabases modules, BeanFactory beans) {
        this.modules = modules;
        this.beans = beans;
        var loader = AuditReader.class.getClassLoader();
        this.audited = modules.all().stream().collect(Collectors.toUnmodifiableMap(ModuleDatabase::module,
                module -> AuditedTables.declaredBy(module.basePackage(), loader)));
    }

    Optional<ModuleDatabase> module(String name) {
        return modules.find(name);
    }

    boolean audits(ModuleDatabase module, String table) {
        return audited.get(module.module()).audits(table);
    }

    AuditEntry.Page read(Query query, boolean everything) {
        var access = beans.getBean(ModuleBeans.dataAccess(query.module().module()), ModuleDataAccess.class);
        var transaction = new TransactionTemplate(access.transactionManager());
        transaction.setReadOnly(true);
        return everything ? AuditScope.everyEntry(() -> read(query, access, transaction)) : read(query, access, transaction);
    }

    private static AuditEntry.Page read(Query query, ModuleDataAccess access, TransactionTemplate transaction) {
        return transaction.execute(status -> {
            var jdbc = access.jdbcOperations();
            var parameters = new MapSqlParameterSource("limit", query.limit() + 1);
            var sql = new StringBuilder("SELECT id, occurred_at, table_name, operation, row_id, institution_id, account_id,"
                    + " request_id, transaction_id::text AS transaction_id, old_values::text AS old_values,"
                    + " new_values::text AS new_values, db_current_user, db_session_user FROM ")
                    .append(AuditMigrations.ident(query.module().schema())).append(".audit_log WHERE true");
            query.table().ifPresent(table -> {
                sql.append(" AND table_name = :table");
                parameters.addValue("table", table);
            });
            query.rowId().ifPresent(id -> {
                sql.append(" AND row_id = :rowId");
                parameters.addValue("rowId", id);
            });
            query.after().ifPresent(cursor -> {
                sql.append(" AND (occurred_at, id) < (:afterTime, :afterId)");
                parameters.addValue("afterTime", OffsetDateTime.ofInstant(cursor.occurredAt(), ZoneOffset.UTC));
                parameters.addValue("afterId", cursor.id());
            });
            sql.append(" ORDER BY occurred_at DESC, id DESC LIMIT :limit");
            var entries = jdbc.query(sql.toString(), parameters, (row, n) -> entry(query.module(), row));
            return AuditEntry.Page.of(entries, query.limit());
        });
    }

    private static AuditEntry entry(ModuleDatabase module, ResultSet row) throws SQLException {
        var table = row.getString("table_name");
        return new AuditEntry(row.getLong("id"), row.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                table == null ? module.module() : module.module() + "." + table, row.getString("operation"),
                row.getString("row_id"), row.getObject("institution_id", UUID.class),
                row.getObject("account_id", UUID.class), row.getString("request_id"),
                Long.parseLong(row.getString("transaction_id")), row.getString("old_values"), row.getString("new_values"),
                row.getString("db_current_user"), row.getString("db_session_user"));
    }
}
