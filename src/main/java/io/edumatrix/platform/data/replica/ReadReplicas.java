package io.edumatrix.platform.data.replica;

import io.edumatrix.platform.data.ConnectionBudget;
import io.edumatrix.platform.data.DatabaseLocation;
import io.edumatrix.platform.data.EduMatrixProperties;
import io.edumatrix.platform.data.ModuleDatabase;
import io.edumatrix.platform.data.ModuleDatabases;
import io.edumatrix.platform.data.ModuleStartupException;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.SQLException;
import io.edumatrix.platform.data.ConnectionSettings;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import io.edumatrix.platform.tenancy.OwnWrites;

/**
 * The read replicas the modules use: one {@link ReplicaMonitor} per replica, shared by the modules reading from it, and
 * one {@link ReplicaRouter} per module. Meters: {@code edumatrix.db.replica.lag} (seconds, per replica; NaN while
 * down) and {@code edumatrix.db.replica.fallbacks} (reads a replica should have served that went to the primary, per
 * module and reason: lag or down). The replica pools carry Hikari's own meters as {@code <module>-replica}.
 */
public final class ReadReplicas implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReadReplicas.class);

    private final ModuleDatabases modules;
    private final EduMatrixProperties.Database settings;
    private final ObjectProvider<MeterRegistry> registry;
    private final Map<DatabaseLocation, ReplicaMonitor> monitors = new ConcurrentHashMap<>();
    private final List<HikariDataSource> monitorPools = new CopyOnWriteArrayList<>();
    private final OwnWrites ownWrites;
    private ScheduledExecutorService checks;

    public ReadReplicas(ModuleDatabases modules, ObjectProvider<MeterRegistry> registry) {
        this.modules = modules;
        this.settings = modules.settings();
        this.registry = registry;
        this.ownWrites = new OwnWrites(settings.read().maxLag());
    }

    /** Shared by the modules' transaction managers: a caller's write in one module is seen by its reads in another. */
    public OwnWrites ownWrites() {
        return ownWrites;
    }

    /**
     * The read-only data source of {@code module}, reading from {@code replica} at {@code location}. The first module
     * on a replica checks that it is a standby and starts measuring its lag with its pools.
     */
    public DataSource router(ModuleDatabase module, DatabaseLocation location, HikariDataSource replica, DataSource primary) {
        var monitor = monitors.computeIfAbsent(location, where -> start(where, module, primary));
        monitor.serves(replica);
        var meters = registry.getIfAvailable(SimpleMeterRegistry::new);
        return new ReplicaRouter(replica, primary, monitor, fallbacks(meters, module, "lag"), fallbacks(meters, module, "down"));
    }

    private static Counter fallbacks(MeterRegistry meters, ModuleDatabase module, String reason) {
        return Counter.builder("edumatrix.db.replica.fallbacks")
                .description("Read-only transactions sent to the primary because the module's replica lagged or was down")
                .tag("module", module.module()).tag("reason", reason).register(meters);
    }

    /**
     * The monitor reads the replica through a one-connection pool of its own (as the first module's role), so the
     * module pools' meters count reads only.
     */
    private synchronized ReplicaMonitor start(DatabaseLocation location, ModuleDatabase module, DataSource primary) {
        var config = new ConnectionSettings(settings).pool("replica-lag-" + location.host() + ":" + location.port(),
                location, module, false);
        config.setMaximumPoolSize(1);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(settings.read().connectionTimeout().toMillis());
        config.setInitializationFailTimeout(-1);
        config.setReadOnly(true);
        var pool = new HikariDataSource(config);
        monitorPools.add(pool);
        requireStandby(location, pool, modules);
        var monitor = new ReplicaMonitor(location, pool, primary, settings.read().maxLag());
        Gauge.builder("edumatrix.db.replica.lag", monitor, ReplicaMonitor::lagSeconds)
                .description("Replay lag of the read replica behind the primary; NaN while it is down")
                .baseUnit("seconds").tag("replica", location.host() + ":" + location.port())
                .register(registry.getIfAvailable(SimpleMeterRegistry::new));
        monitor.check();
        if (checks == null) {
            checks = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("replica-lag").factory());
        }
        var interval = settings.read().checkInterval().toMillis();
        checks.scheduleWithFixedDelay(monitor::check, interval, interval, TimeUnit.MILLISECONDS);
        return monitor;
    }

    /**
     * A replica that is a primary would take reads that miss nothing but mislead everyone about where they ran, and a
     * wrong host is a configuration error: both stop the start-up, as does a standby that cannot take the replica pools
     * of all instances. A standby that is down only sends reads to the primary until it is back.
     */
    private static void requireStandby(DatabaseLocation location, HikariDataSource replica, ModuleDatabases modules) {
        try (var connection = replica.getConnection(); var statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT pg_is_in_recovery()")) {
            rows.next();
            if (!rows.getBoolean(1)) {
                throw new ModuleStartupException("edumatrix.database.read.host (DB_READ_HOST) " + location
                        + " is not a standby (pg_is_in_recovery() is false)",
                        "Point DB_READ_HOST/DB_READ_PORT at a streaming standby of the primary, or leave them empty.");
            }
            ConnectionBudget.checkReplica(modules, location, connection);
        } catch (SQLException e) {
            log.warn("Read replica {} does not answer ({}); reads go to the primary until it does", location,
                    e.getMessage());
        }
    }

    @Override
    public void close() {
        if (checks != null) {
            checks.shutdownNow();
        }
        monitorPools.forEach(HikariDataSource::close);
    }
}
