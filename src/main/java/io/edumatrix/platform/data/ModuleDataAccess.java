package io.edumatrix.platform.data;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.util.DriverDataSource;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import java.util.List;
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
import io.edumatrix.platform.tenancy.TenantAwareDataSource;
import io.edumatrix.platform.tenancy.TenantAwareTransactionManager;

/**
 * Everything one module reads and writes its data with, built from its own pool only: the pool, JDBC operations,
 * Spring Data JDBC's mapping and data access, and the transaction manager. Nothing in here is shared between modules,
 * so no query of one module can travel through another's connection.
 */
public final class ModuleDataAccess implements AutoCloseable {

    private final ModuleDatabase module;
    private final Repointable connections;
    private volatile ModuleLocation location;
    private final HikariDataSource pool;
    private final TenantAwareDataSource dataSource;
    private final NamedParameterJdbcTemplate jdbcOperations;
    private final JdbcAggregateTemplate aggregateTemplate;
    private final TenantAwareTransactionManager transactionManager;

    ModuleDataAccess(ModuleDatabase module, EduMatrixProperties.Database settings, ApplicationEventPublisher publisher) {
        this.module = module;
        this.location = module.location();
        var config = hikariConfig(module, location);
        // The pool takes its connections from a data source that a move can point elsewhere (repoint), so callers
        // waiting on the suspended pool get connections to the new location once it resumes.
        this.connections = new Repointable(unpooled(config));
        config.setDataSource(connections);
        this.pool = new HikariDataSource(config);
        this.dataSource = new TenantAwareDataSource(pool);
        this.jdbcOperations = new NamedParameterJdbcTemplate(dataSource);
        this.aggregateTemplate = aggregateTemplate(publisher);
        this.transactionManager = new TenantAwareTransactionManager(dataSource);
        transactionManager.setDefaultTimeout((int) settings.transactionTimeout().toSeconds());
    }

    /**
     * The factory method {@link ModuleBeanRegistrar} declares: the publisher is autowired, the rest is given. The pool
     * opens once the module is migrated.
     */
    static ModuleDataAccess open(DatabaseSetup setup, ModuleDatabases databases, String module,
            ApplicationEventPublisher publisher) {
        setup.awaitMigrated(module);
        var database = databases.find(module).orElseThrow(() -> new IllegalStateException(module + " is not configured"));
        return new ModuleDataAccess(database, databases.settings(), publisher);
    }

    private static HikariConfig hikariConfig(ModuleDatabase module, ModuleLocation location) {
        var config = new HikariConfig();
        config.setPoolName(module.module());
        config.setJdbcUrl(location.poolJdbcUrl());
        // A move stops the module's new transactions for a moment by suspending its pool (callers wait, ADR 0030).
        config.setAllowPoolSuspension(true);
        config.setUsername(module.appRole());
        config.setPassword(module.appPassword().orElse(null));
        config.setMaximumPoolSize(module.maximumPoolSize());
        config.setMinimumIdle(module.minimumIdle());
        config.setIdleTimeout(module.idleTimeout().toMillis());
        config.setConnectionTimeout(module.connectionTimeout().toMillis());
        config.addDataSourceProperty("ApplicationName", module.module());
        // Fail at start-up with the module's name rather than at the first request.
        config.setInitializationFailTimeout(module.connectionTimeout().toMillis());
        return config;
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
        return new JdbcAggregateTemplate(publisher, mappingContext, converter, strategy);
    }

    public ModuleDatabase module() {
        return module;
    }

    /** Where the module's connections go now: its configured location, or where a move put it since. */
    public ModuleLocation location() {
        return location;
    }

    /**
     * Sends the pool's new connections to {@code target} and retires the ones it holds (idle ones at once, busy ones
     * when returned). The caller, a move, holds the pool suspended meanwhile, so no transaction straddles the two.
     */
    public void repoint(ModuleLocation target) {
        connections.setTargetDataSource(unpooled(hikariConfig(module, target)));
        location = target;
        pool.getHikariPoolMXBean().softEvictConnections();
    }

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
        pool.close();
    }

    /**
     * A data source whose target a move replaces; Hikari asks it for every new connection. Replaced only while the pool
     * is suspended, and the resume publishes it to the threads waiting on the pool.
     */
    private static final class Repointable extends DelegatingDataSource {

        Repointable(DataSource target) {
            super(target);
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
