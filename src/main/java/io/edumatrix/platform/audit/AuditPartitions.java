package io.edumatrix.platform.audit;

import io.edumatrix.platform.data.ModuleDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The month partitions of one module's {@code audit_log}: creates the current month and those ahead that are missing,
 * and drops the months past retention, as the module's owner role (the app role owns nothing, so it can drop nothing).
 * The default partition is never dropped. Runs in one transaction, behind an advisory lock, so instances starting
 * together do the work once.
 */
final class AuditPartitions {

    private static final Pattern MONTH = Pattern.compile("audit_log_(\\d{4})_(\\d{2})");

    record Changes(String module, List<String> created, List<String> dropped) {

        boolean any() {
            return !created.isEmpty() || !dropped.isEmpty();
        }

        @Override
        public String toString() {
            return module + ": created " + (created.isEmpty() ? "none" : String.join(", ", created)) + "; dropped "
                    + (dropped.isEmpty() ? "none" : String.join(", ", dropped));
        }
    }

    private AuditPartitions() {}

    /** @param admin a connection of a role that may {@code SET ROLE} to the module's owner, in auto-commit mode */
    static Changes maintain(Connection admin, ModuleDatabase module, AuditProperties settings, YearMonth now)
            throws SQLException {
        var schema = AuditMigrations.ident(module.schema());
        var created = new ArrayList<String>();
        var dropped = new ArrayList<String>();
        admin.setAutoCommit(false);
        try (var statement = admin.createStatement()) {
            statement.execute("SET LOCAL ROLE " + AuditMigrations.ident(module.ownerRole()));
            statement.execute("SELECT pg_advisory_xact_lock(hashtext("
                    + AuditMigrations.literal("edumatrix.audit." + module.schema()) + "))");
            var existing = partitions(admin, module.schema());
            for (var month = now; !month.isAfter(now.plusMonths(settings.partitionsAhead())); month = month.plusMonths(1)) {
                var name = name(month);
                if (!existing.contains(name)) {
                    create(statement, schema, name, month, module.appRole());
                    created.add(name);
                }
            }
            var oldestKept = now.minusMonths(settings.retentionMonths());
            for (var name : existing) {
                if (month(name).filter(month -> month.isBefore(oldestKept)).isPresent()) {
                    statement.execute("DROP TABLE " + schema + "." + AuditMigrations.ident(name));
                    dropped.add(name);
                }
            }
            admin.commit();
        } catch (SQLException e) {
            admin.rollback();
            throw e;
        } finally {
            admin.setAutoCommit(true);
        }
        return new Changes(module.module(), created, dropped);
    }

    /**
     * Entries of the month already in the default partition (written before anyone created the month's partition,
     * such as the schema changes of the log's own migration) move into the new partition, so that retention drops
     * them with their month: PostgreSQL would otherwise refuse the partition. The default partition is detached
     * meanwhile, which holds writers back until the transaction ends. A partition's default privileges (the owner's,
     * for the app role) are taken back at once.
     */
    private static void create(Statement statement, String schema, String name, YearMonth month, String appRole)
            throws SQLException {
        var log = schema + ".audit_log";
        var fallback = schema + ".audit_log_default";
        var partition = schema + "." + AuditMigrations.ident(name);
        var range = "occurred_at >= " + bound(month) + " AND occurred_at < " + bound(month.plusMonths(1));
        statement.execute("ALTER TABLE " + log + " DETACH PARTITION " + fallback);
        statement.execute("CREATE TABLE " + partition + " PARTITION OF " + log + " FOR VALUES FROM (" + bound(month)
                + ") TO (" + bound(month.plusMonths(1)) + ")");
        statement.execute("INSERT INTO " + partition + " OVERRIDING SYSTEM VALUE SELECT * FROM " + fallback + " WHERE " + range);
        statement.execute("DELETE FROM " + fallback + " WHERE " + range);
        statement.execute("ALTER TABLE " + log + " ATTACH PARTITION " + fallback + " DEFAULT");
        statement.execute("REVOKE ALL ON " + partition + " FROM PUBLIC, " + AuditMigrations.ident(appRole));
    }

    private static List<String> partitions(Connection admin, String schema) throws SQLException {
        try (var query = admin.prepareStatement("SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
                + " WHERE i.inhparent = to_regclass(?) ORDER BY 1")) {
            query.setString(1, AuditMigrations.ident(schema) + ".audit_log");
            var names = new ArrayList<String>();
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
            return names;
        }
    }

    static String name(YearMonth month) {
        return "audit_log_%04d_%02d".formatted(month.getYear(), month.getMonthValue());
    }

    private static Optional<YearMonth> month(String name) {
        var matcher = MONTH.matcher(name);
        return matcher.matches()
                ? Optional.of(YearMonth.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2))))
                : Optional.empty();
    }

    private static String bound(YearMonth month) {
        return AuditMigrations.literal(month.atDay(1) + " 00:00:00+00");
    }
}
