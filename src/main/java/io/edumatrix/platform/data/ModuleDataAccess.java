package io.edumatrix.platform.data;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.util.DriverDataSource;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import io.edumatrix.platform.data.replica.ReadReplicas;
import com.zaxxer.hikari.pool.HikariPool;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeoutException;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.data.jdbc.core.convert.DataAccessStrategy;
import org.springframework.data.jdbc.core.convert.DelegatingDataAccessStrategy;
import org.springframework.data.jdbc.core.convert.JdbcConverter;
import org.springframework.data.jdbc.core.dialect.JdbcPostgresDialect;
import org.springframework.data.jdbc.core.mapping.JdbcMappingContext;
import org.springframework.data.jdbc.repository.config.JdbcConfiguration;
import org.springframework.data.relational.RelationalManagedTypes;
import org.springframework.data.relational.core.mapping.DefaultNamingStrategy;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import io.edumatrix.platform.tenancy.SettingsKeys;
import io.edumatrix.platform.tenancy.SettingsSigner;
import io.edumatrix.platform.tenancy.TenantAwareDataSource;
import io.edumatrix.platform.tenancy.TenantAwareTransactionManager;

/**
 * Everything one module reads and writes its data with, built from its own pool only: the pool, JDBC operations,
 * Spring Data JDBC's mapping and data access, and the transaction manager. Nothing in here is shared between modules,
 * so no query of one module can travel through another's connection.
 */
public final class ModuleDataAccess implements AutoCloseable {

    private final ModuleDatabase module;
    private final ConnectionSettings settings;
    private final Repointable connections;
    private final ConnectionGate gate;
    private volatile ModuleLocation location;
    private volatile Prepared prepared;
    private final HikariDataSource pool;
    private final Optional<HikariDataSource> replicaPool;
    private final TenantAwareDataSource dataSource;
    private final NamedParameterJdbcTemplate jdbcOperations;
    private final JdbcAggregateTemplate aggregateTemplate;
    private final TenantAwareTransactionManager transactionManager;

    ModuleDataAccess(ModuleDatabase module, EduMatrixProperties.Database settings, ReadReplicas replicas,
            ApplicationEventPublisher publisher, SettingsSigner signer) {
        this.module = module;
        this.settings = new ConnectionSettings(settings);
        this.location = module.location();
        var config = poolConfig(module, this.settings, location);
        // The pool takes its connections from a data source that a move can point elsewhere (repoint), so callers
        // waiting on the suspended pool get connections to the new location once it resumes.
        this.connections = new Repointable(unpooled(config));
        config.setDataSource(connections);
        this.pool = openPool(module, this.settings, location, config);
        // A move holds new connection requests here before it suspends the pool (ADR 0030).
        this.gate = new ConnectionGate(pool);
        var replica = this.settings.replica(module.module(), location);
        this.replicaPool = replica.map(at -> openReplicaPool(module, this.settings, at, settings.read()));
        // Read-only transactions take their connection from the replica (or from the primary when it lags or is
        // down); the connection is fetched at the transaction's first statement, once Spring has marked it read-only.
        // The transaction manager and the JDBC operations below all use this one data source.
        var routing = new LazyConnectionDataSourceProxy(gate);
        routing.setDefaultAutoCommit(true);
        routing.setDefaultTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        replica.ifPresent(at -> routing.setReadOnlyDataSource(
                replicas.router(module, at, replicaPool.orElseThrow(), pool)));
        this.dataSource = new TenantAwareDataSource(routing, signer);
        this.jdbcOperations = new NamedParameterJdbcTemplate(dataSource);
        this.aggregateTemplate = aggregateTemplate(publisher);
        this.transactionManager = new TenantAwareTransactionManager(dataSource);
        transactionManager.setDefaultTimeout((int) settings.transactionTimeout().toSeconds());
        if (replica.isPresent()) {
            transactionManager.routeReads(replicas.ownWrites());
        }
    }

    /**
     * The factory method {@link ModuleBeanRegistrar} declares: the publisher and the settings keys are autowired, the
     * rest is given. The pool opens once the module is migrated, and signs with the key its migrations made room for.
     */
    static ModuleDataAccess open(DatabaseSetup setup, ModuleDatabases databases, String module, ReadReplicas replicas,
            ApplicationEventPublisher publisher, SettingsKeys keys) {
        setup.awaitMigrated(module);
        var database = databases.find(module).orElseThrow(() -> new IllegalStateException(module + " is not configured"));
        return new ModuleDataAccess(database, databases.settings(), replicas, publisher, keys.signerFor(module));
    }

    /** The module's pool at {@code location}: through the transaction pooler when the location is behind one. */
    private static HikariConfig poolConfig(ModuleDatabase module, ConnectionSettings connections,
            ModuleLocation location) {
        var config = connections.pool(module.module(), connections.pooled(location), module,
                connections.viaPooler(location));
        // A move stops the module's new transactions for a moment by suspending its pool (callers wait, ADR 0030), and
        // a restore of the module's schema suspends it on every instance while it swaps the schema (ADR 0022).
        config.setAllowPoolSuspension(true);
        return config;
    }

    private static HikariDataSource openPool(ModuleDatabase module, ConnectionSettings connections,
            ModuleLocation location, HikariConfig config) {
        var target = connections.pooled(location);
        if (connections.viaPooler(location)) {
            TransactionPooler.require(module, connections, target);
        }
        // Fail at start-up with the module's name rather than at the first request.
        config.setInitializationFailTimeout(module.connectionTimeout().toMillis());
        try {
            return new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            throw e.getCause() instanceof SQLException cause ? RoleCheck.loginFailed(module, target, cause) : e;
        }
    }

    /**
     * The replica pool is as large as the primary's and may open empty: a replica that is down at start-up only sends
     * the module's reads to the primary until it is back.
     */
    private static HikariDataSource openReplicaPool(ModuleDatabase module, ConnectionSettings connections,
            DatabaseLocation location, EduMatrixProperties.Read read) {
        var config = connections.pool(module.module() + "-replica", location, module, false);
        config.setConnectionTimeout(read.connectionTimeout().toMillis());
        config.setReadOnly(true);
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }

    /**
     * Spring Data JDBC's pieces, wired to this module alone. The converter resolves {@code @MappedCollection} children
     * through this module's data access strategy, not through whatever strategy the context holds by type
     * (spring-data-relational #2224).
     */
    private JdbcAggregateTemplate aggregateTemplate(ApplicationEventPublisher publisher) {
        var dialect = JdbcPostgresDialect.INSTANCE;
        var conversions = JdbcConfiguration.createCustomConversions(dialect, List.of());
        // No class path scan for an initial entity set: reading every class file of the module took about a tenth of a
        // start (ADR 0017). The repositories ask for their aggregate roots at start-up, and a root brings in the
        // entities it holds; an entity used only through the aggregate template is described at its first use.
        JdbcMappingContext mappingContext = JdbcConfiguration.createMappingContext(RelationalManagedTypes.empty(),
                conversions, new ModuleNaming(module));
        mappingContext.initialize();
        var relationResolver = new DelegatingDataAccessStrategy();
        JdbcConverter converter = JdbcConfiguration.createConverter(mappingContext, jdbcOperations, relationResolver, conversions, dialect);
        DataAccessStrategy strategy = JdbcConfiguration.createDataAccessStrategy(jdbcOperations, converter, null, dialect);
        relationResolver.setDelegate(strategy);
        var template = new JdbcAggregateTemplate(publisher, mappingContext, converter, strategy);
        // Spring Data's lifecycle events (BeforeSave, AfterConvert …) have no listener here, yet each row loaded or
        // saved published one through the context's multicaster, Modulith's, which looks for transactional listeners
        // every time (ADR 0039; LifecycleEventsTests keeps it so). Entity callbacks are not events and still run.
        template.setEntityLifecycleEventsEnabled(false);
        return template;
    }

    public ModuleDatabase module() {
        return module;
    }

    /** Where the module's connections go now: its configured location, or where a move put it since. */
    public ModuleLocation location() {
        return location;
    }

    /**
     * Before a move's pause: makes the module's callers queue at its {@link ConnectionGate} unless a connection is free,
     * and returns once none waits inside the pool, so that closing the gate waits only for running transactions.
     */
    public void queueConnectionsAtGate() throws InterruptedException {
        gate.queueHere();
    }

    /**
     * Makes new requests for the module's connections wait (they are not refused) and returns once every connection
     * taken through the gate is back, so that only the transactions running at that moment are waited for, and the pool
     * can be suspended at once.
     *
     * @throws TimeoutException if transactions still held connections after {@code timeout}; the gate is open again
     */
    public void holdNewConnections(Duration timeout) throws TimeoutException, InterruptedException {
        gate.close(timeout);
    }

    /** Lets the requests {@link #holdNewConnections} held back through. */
    public void releaseNewConnections() {
        gate.open();
    }

    /**
     * Opens {@code count} of the module's connections at {@code target} before a move's pause; {@link #repoint} hands
     * them to the pool first. What the pool does not take is closed by {@link #discardPrepared}.
     */
    public void prepareRepoint(ModuleLocation target, int count) throws SQLException {
        var unpooled = unpooled(poolConfig(module, settings, target));
        var opened = new ArrayList<Connection>();
        try {
            for (int i = 0; i < count; i++) {
                opened.add(unpooled.getConnection());
            }
        } catch (SQLException e) {
            for (var connection : opened) {
                connection.close();
            }
            throw e;
        }
        prepared = new Prepared(target, unpooled, opened);
    }

    /**
     * Sends the pool's new connections to {@code target} and retires the ones it holds (idle ones at once, busy ones
     * when returned). The caller, a move, holds the pool suspended meanwhile, so no transaction straddles the two.
     */
    public void repoint(ModuleLocation target) {
        var ready = prepared;
        if (ready != null && ready.target().samePlace(target)) {
            connections.setTargetDataSource(ready.unpooled());
            ready.connections().forEach(connections::warm);
        } else {
            connections.setTargetDataSource(unpooled(poolConfig(module, settings, target)));
        }
        prepared = null;
        location = target;
        pool.getHikariPoolMXBean().softEvictConnections();
    }

    /** Closes the connections {@link #prepareRepoint} opened that the pool has not taken. */
    public void discardPrepared() {
        var left = prepared;
        prepared = null;
        if (left != null) {
            for (var connection : left.connections()) {
                try {
                    connection.close();
                } catch (SQLException e) {
                    // Gone already.
                }
            }
        }
        connections.discardWarm();
    }

    private record Prepared(ModuleLocation target, DataSource unpooled, List<Connection> connections) {}

    /** The connections the pool's configuration describes, unpooled: what the pool draws from. */
    private static DataSource unpooled(HikariConfig config) {
        return new DriverDataSource(config.getJdbcUrl(), config.getDriverClassName(), config.getDataSourceProperties(),
                config.getUsername(), config.getPassword());
    }

    /**
     * The module's connections: its pool, with every transaction's tenant settings carried to PostgreSQL with the
     * transaction's first statement.
     */
    public TenantAwareDataSource dataSource() {
        return dataSource;
    }

    /** The replica pool, {@code <module>-replica}, when the module reads from a replica. */
    public Optional<HikariDataSource> replicaPool() {
        return replicaPool;
    }

    /** The pool underneath, for its metrics and health. */
    public HikariDataSource pool() {
        return pool;
    }

    public NamedParameterJdbcTemplate jdbcOperations() {
        return jdbcOperations;
    }

    public JdbcAggregateTemplate aggregateTemplate() {
        return aggregateTemplate;
    }

    public TenantAwareTransactionManager transactionManager() {
        return transactionManager;
    }

    @Override
    public void close() {
        replicaPool.ifPresent(HikariDataSource::close);
        pool.close();
    }

    /**
     * A data source whose target a move replaces; Hikari asks it for every new connection. Replaced only while the pool
     * is suspended, and the resume publishes it to the threads waiting on the pool. Connections a move opened ahead of
     * its pause are handed out first, so the first transactions after it do not wait for connections to be made.
     */
    private static final class Repointable extends DelegatingDataSource {

        private final Queue<Connection> warm = new ConcurrentLinkedQueue<>();

        Repointable(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            for (var connection = warm.poll(); connection != null; connection = warm.poll()) {
                if (connection.isValid(1)) {
                    return connection;
                }
                connection.close();
            }
            return super.getConnection();
        }

        void warm(Connection connection) {
            warm.add(connection);
        }

        void discardWarm() {
            for (var connection = warm.poll(); connection != null; connection = warm.poll()) {
                try {
                    connection.close();
                } catch (SQLException e) {
                    // Gone already: nothing to give back.
                }
            }
        }
    }

    /** Tables of a module live in the module's schema, so entities name only their table. */
    private static final class ModuleNaming extends DefaultNamingStrategy {

        private final String schema;

        ModuleNaming(ModuleDatabase module) {
            this.schema = module.schema();
        }

        @Override
        public String getSchema() {
            return schema;
        }
    }
}
