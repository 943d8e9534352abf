package io.edumatrix.platform.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.architecture.ConfiguredModules;
import io.edumatrix.platform.testing.IntegrationTest;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 9: an idle application holds one server connection per module: the pool's one idle connection, or, in a
 * module with a session outside its pool (community's and notifications' LISTEN), that session alone (their pools keep
 * no idle connection, {@code minimum-idle: 0} in application.yaml). Counted in pg_stat_activity, by app role, on a
 * database of its own once the pools have settled: connections used at start-up are let go after the idle timeout (10 s
 * here, HikariCP's least; 30 s by default). Nothing reads a module's tables on a short timer: keysets are re-read on
 * use, the re-wrap job visits only modules with work pending, and the outbox staleness check runs every 5 minutes.
 */
@IntegrationTest
class IdleConnectionsTests {

    @Test
    void an_idle_application_holds_at_most_one_connection_per_module() throws Exception {
        try (var database = FreshDatabase.create();
                var application = database.launch().overHttp().with("edumatrix.database.pool.idle-timeout", "10s")
                        // The shipped default (the test settings keep no idle connection, to spare the server).
                        .with("edumatrix.database.pool.minimum-idle", "1").start()) {
            var modules = application.getBean(ModuleDatabases.class);
            Map<String, Long> held = Map.of();
            // Hikari fills the minimum idle in the background; listeners' connections return as they finish. An extra
            // connection is retired at Hikari's housekeeping, every 30 s, so a slow start can need two of its rounds.
            var deadline = Instant.now().plus(Duration.ofSeconds(90));
            do {
                Thread.sleep(1_000);
                held = connectionsByRole(database);
            } while (Instant.now().isBefore(deadline) && !settled(held, database, modules));

            System.out.printf("Idle connections by app role: %s (%d in all, %d modules); sessions: %s%n", held,
                    held.values().stream().mapToLong(Long::longValue).sum(), modules.all().size(), sessions(database));
            assertThat(held.keySet()).as("app roles holding connections")
                    .containsExactlyInAnyOrderElementsOf(ConfiguredModules.names().stream()
                            .map(module -> database.rolePrefix() + module + "_app").toList());
            for (var module : modules.all()) {
                assertThat(held(held, database, module)).as("connections of %s at idle", module.module())
                        .isEqualTo(1L);
            }
        }
    }

    private static boolean settled(Map<String, Long> held, FreshDatabase database, ModuleDatabases modules) {
        return held.size() == modules.all().size()
                && modules.all().stream().allMatch(m -> held(held, database, m) <= 1);
    }

    private static long held(Map<String, Long> held, FreshDatabase database, ModuleDatabase module) {
        return held.getOrDefault(database.rolePrefix() + module.module() + "_app", 0L);
    }

    /** Each application session's name (the pool's module, or a module's dedicated session) and state. */
    private static java.util.List<String> sessions(FreshDatabase database) throws SQLException {
        try (var admin = database.connectAsAdmin(); var query = admin.prepareStatement(
                "SELECT application_name || ' ' || state FROM pg_stat_activity WHERE datname = ? AND usename LIKE ?"
                        + " ORDER BY 1")) {
            query.setString(1, database.name());
            query.setString(2, database.rolePrefix() + "%\\_app");
            var sessions = new java.util.ArrayList<String>();
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    sessions.add(rows.getString(1));
                }
            }
            return sessions;
        }
    }

    private static Map<String, Long> connectionsByRole(FreshDatabase database) throws SQLException {
        try (var admin = database.connectAsAdmin(); var query = admin.prepareStatement(
                "SELECT usename, count(*) FROM pg_stat_activity WHERE datname = ? AND usename LIKE ?"
                        + " GROUP BY usename ORDER BY usename")) {
            query.setString(1, database.name());
            query.setString(2, database.rolePrefix() + "%\\_app");
            var held = new LinkedHashMap<String, Long>();
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    held.put(rows.getString(1), rows.getLong(2));
                }
            }
            return held;
        }
    }
}
