package io.edumatrix.platform.observability;

import io.edumatrix.platform.data.ModuleDataAccess;
import io.edumatrix.platform.tenancy.AuditScope;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code edumatrix.schema.changes.outside.migrations}: the structural changes of the module's schema that its audit
 * trail holds (written by the DDL event trigger) and that were not made as the module's owner role. Migrations, and
 * the platform's own partition upkeep, run as the owner; a change made as anyone else (a DBA connected as a superuser)
 * came from outside them. A change made after {@code SET ROLE} to the owner looks like a migration and is not counted.
 * Read as the app role in a read-only transaction that widens the trail's row-level security to every entry
 * ({@link AuditScope#everyEntry}), as the audit reader does for a platform administrator; one reading serves the scrapes until it is older than
 * {@code refresh}.
 */
final class SchemaChangeMeter {

    static final String NAME = "edumatrix.schema.changes.outside.migrations";

    private static final String COUNT = "SELECT count(*) FROM audit_log WHERE table_name IS NULL"
            + " AND db_current_user <> :owner";

    private final ModuleDataAccess module;
    private final Duration refresh;
    private final Clock clock;
    private Instant readAt = Instant.MIN;
    private double changes;

    SchemaChangeMeter(ModuleDataAccess module, Duration refresh, Clock clock, MeterRegistry registry) {
        this.module = module;
        this.refresh = refresh;
        this.clock = clock;
        Gauge.builder(NAME, this, SchemaChangeMeter::read)
                .description("Structural changes of the module's schema not made as its owner role (not by a migration)")
                .tag("module", module.module().module())
                .strongReference(true)
                .register(registry);
    }

    private synchronized double read() {
        var now = clock.instant();
        if (!readAt.plus(refresh).isAfter(now)) {
            var transaction = new TransactionTemplate(module.transactionManager());
            transaction.setReadOnly(true);
            Long count = AuditScope.everyEntry(() -> transaction.execute(status -> module.jdbcOperations()
                    .queryForObject(COUNT, Map.of("owner", module.module().ownerRole()), Long.class)));
            changes = count == null ? 0 : count;
            readAt = now;
        }
        return changes;
    }
}
