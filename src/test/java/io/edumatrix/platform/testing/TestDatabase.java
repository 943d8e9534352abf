package io.edumatrix.platform.testing;

import io.edumatrix.platform.devdb.EmbeddedPostgresServer;
import io.edumatrix.platform.devdb.PostgresServer;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.boot.SpringApplication;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL server of a test run, with a database and a role prefix of the run's own, so that repeated runs and
 * parallel checkouts never share a database or a role. It is a Testcontainers container where a Docker engine is
 * available; otherwise the server named by {@code DB_HOST}, {@code DB_PORT}, {@code DB_ADMIN_USER} and
 * {@code DB_ADMIN_PASSWORD} (defaults: 127.0.0.1, 5432, postgres, no password) when it answers; otherwise an
 * {@link EmbeddedPostgresServer} of the run's own, in the build folder (ADR 0004, 0018). The database and the roles
 * are dropped (the embedded server stopped, its data deleted) when the JVM exits, after Spring Boot's shutdown hook has
 * closed the cached test contexts: dropped earlier,
 * the contexts' last queries failed and each waited out its pool's connection timeout, so the JVM took over 30 s to
 * exit and Surefire killed it.
 */
public final class TestDatabase {

    private static final TestDatabase INSTANCE = start();

    private final String host;
    private final int port;
    private final String adminUser;
    private final String adminPassword;
    private final String name;
    private final String rolePrefix;

    private TestDatabase(String host, int port, String adminUser, String adminPassword, String runId) {
        this.host = host;
        this.port = port;
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
        this.name = "edumatrix_test_" + runId;
        this.rolePrefix = "t" + runId + "_";
    }

    public static TestDatabase get() {
        return INSTANCE;
    }

    private static TestDatabase start() {
        var runId = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        TestDatabase database;
        Runnable release;
        var host = env("DB_HOST", "127.0.0.1");
        var port = Integer.parseInt(env("DB_PORT", "5432"));
        if (dockerAvailable()) {
            var container = new PostgreSQLContainer("postgres:17-alpine");
            container.start();
            database = new TestDatabase(container.getHost(), container.getMappedPort(5432), container.getUsername(),
                    container.getPassword(), runId);
            release = database::drop;
        } else if (PostgresServer.answers(host, port)) {
            database = new TestDatabase(host, port, env("DB_ADMIN_USER", "postgres"), env("DB_ADMIN_PASSWORD", ""), runId);
            release = database::drop;
        } else {
            var server = EmbeddedPostgresServer.start(buildFolder().resolve("embedded-postgres").resolve(runId), false);
            database = new TestDatabase(server.host(), server.port(), EmbeddedPostgresServer.SUPERUSER, "", runId);
            release = server::close;
        }
        database.create();
        var once = new ReleaseOnce(release);
        SpringApplication.getShutdownHandlers().add(once);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            awaitSpringShutdown();
            once.run();
        }, "test-database-release"));
        return database;
    }

    /**
     * Spring's shutdown hook, which runs the handler above after closing the cached contexts, exists only in a JVM that
     * ran a Spring application; a run of process tests alone (their applications are other JVMs) has none, and left its
     * database behind. This hook of the JVM's own releases it then; where Spring's hook runs, it waits for it first. The
     * JVM starts its hooks together, so Spring's thread is looked for during a short grace.
     */
    private static void awaitSpringShutdown() {
        long until = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (System.nanoTime() < until) {
            var spring = Thread.getAllStackTraces().keySet().stream()
                    .filter(thread -> thread.getName().equals("SpringApplicationShutdownHook")).findFirst();
            try {
                if (spring.isPresent()) {
                    spring.get().join(Duration.ofSeconds(60));
                    return;
                }
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Runs the release once, from whichever hook gets there first. */
    private static final class ReleaseOnce implements Runnable {

        private final Runnable release;
        private final AtomicBoolean done = new AtomicBoolean();

        ReleaseOnce(Runnable release) {
            this.release = release;
        }

        @Override
        public void run() {
            if (done.compareAndSet(false, true)) {
                release.run();
            }
        }
    }

    /** The build folder ({@code target}), where the test classes are. */
    private static Path buildFolder() {
        try {
            return Path.of(TestDatabase.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The settings an EduMatrix application needs to provision and use this run's database. */
    public Map<String, Object> applicationProperties() {
        var properties = new LinkedHashMap<String, Object>();
        properties.put("edumatrix.database.host", host);
        properties.put("edumatrix.database.port", port);
        properties.put("edumatrix.database.name", name);
        properties.put("edumatrix.database.role-prefix", rolePrefix);
        properties.put("edumatrix.database.admin.username", adminUser);
        properties.put("edumatrix.database.admin.password", adminPassword);
        properties.put("edumatrix.database.app-password", appPassword());
        // Several test contexts, and an application started as a child process, may hold pools at once. Eleven
        // modules' pools of 2, their dedicated sessions, times 4 "instances" (96) fit a stock PostgreSQL's 97.
        properties.put("edumatrix.database.pool.maximum-pool-size", 2);
        properties.put("edumatrix.database.pool.minimum-idle", 0);
        properties.put("edumatrix.database.instances", 4);
        properties.put("edumatrix.bootstrap.admin.email", World.ADMIN_EMAIL);
        properties.put("edumatrix.bootstrap.admin.password", World.ADMIN_PASSWORD);
        // A fixed key of the test runs only: every context and child process of a run unwraps the same signing keys.
        properties.put("edumatrix.security.key-wrapping-key", "dGVzdC1vbmx5IGtleS13cmFwcGluZyBrZXkgMzJieXQ=");
        // Every test client asks from 127.0.0.1: the per-source limit of password resets is tried on its own
        // (ResetRequestsPerSourceTests), not over the suite's shared address.
        properties.put("edumatrix.identity.tokens.resets-per-source", 1_000_000);
        // The run's SMTP server, in this JVM: mails of every context and child process reach it.
        properties.put("spring.mail.host", "127.0.0.1");
        properties.put("spring.mail.port", TestMailServer.port());
        // The run's OpenID Connect provider, in this JVM, as the client registration "testidp".
        properties.putAll(TestIdentityProvider.applicationProperties());
        return properties;
    }

    public String appPassword() {
        return "test-" + rolePrefix;
    }

    public String rolePrefix() {
        return rolePrefix;
    }

    public String name() {
        return name;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + name;
    }

    public Connection connectAsAdmin() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), adminUser, adminPassword);
    }

    /** Another database on the run's server, as its admin (a module placed there by a test, as a split does). */
    public Connection connectAsAdmin(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + database, adminUser,
                adminPassword);
    }

    public Connection connectAs(String role, String password) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), role, password);
    }

    private void create() {
        executeOnServer("CREATE DATABASE " + name);
    }

    private void drop() {
        try (var connection = connectToServer(); var statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            try (var roles = connection.createStatement().executeQuery(
                    "SELECT rolname FROM pg_roles WHERE rolname LIKE '" + rolePrefix.replace("_", "\\_") + "%'")) {
                while (roles.next()) {
                    try (var dropRole = connection.createStatement()) {
                        dropRole.execute("DROP ROLE IF EXISTS \"" + roles.getString(1) + "\"");
                    }
                }
            }
        } catch (SQLException e) {
            System.err.println("Could not drop test database " + name + ": " + e.getMessage());
        }
    }

    private void executeOnServer(String sql) {
        try (var connection = connectToServer(); var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare the test database on " + host + ":" + port
                    + " as " + adminUser + " (set DB_HOST, DB_PORT, DB_ADMIN_USER, DB_ADMIN_PASSWORD): " + e.getMessage(), e);
        }
    }

    private Connection connectToServer() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/postgres", adminUser, adminPassword);
    }

    private static String env(String name, String fallback) {
        var value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
