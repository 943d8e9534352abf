package io.edumatrix.platform.data;

import static io.edumatrix.platform.data.ProductionConnections.call;
import static io.edumatrix.platform.data.ProductionConnections.field;
import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.platform.testing.ApplicationProcess;
import io.edumatrix.platform.testing.ProcessTest;
import io.edumatrix.platform.testing.ThrowawayCluster;
import io.edumatrix.platform.testing.ThrowawayPgBouncer;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The application behind PgBouncer 1.18 in transaction mode: pools larger than the server's connection budget allows
 * directly, what reaches PostgreSQL held to the pooler's pool size per module role, the LISTEN sessions and the
 * migrations going straight to PostgreSQL; and a pooler in session mode refused at start-up in one line.
 */
@ProcessTest
class PgBouncerTests {

    private static final int POSTGRES = 15430;
    private static final int TRANSACTION_POOLER = 15431;
    private static final int SESSION_POOLER = 15432;
    private static final int SERVER_CONNECTIONS = 3;

    @Test
    void the_application_serves_through_pgbouncer_in_transaction_mode_and_refuses_session_mode() throws Exception {
        var roles = ProductionConnections.modules().stream().map(m -> m + "_app").toList();
        try (var cluster = ThrowawayCluster.create("pooled", POSTGRES)) {
            cluster.hba("host all all 127.0.0.1/32 trust", "host all all ::1/128 trust");
            cluster.start();
            cluster.psql("postgres", "CREATE DATABASE edumatrix");
            var key = ProductionConnections.masterKey();
            try (var transaction = ThrowawayPgBouncer.start(cluster, TRANSACTION_POOLER, "transaction", SERVER_CONNECTIONS, roles);
                    var session = ThrowawayPgBouncer.start(cluster, SESSION_POOLER, "session", SERVER_CONNECTIONS, roles)) {
                // 11 modules x 10 connections x 3 instances would be 330 directly; behind the pooler 11 x 3 + 2 x 3.
                try (var app = ApplicationProcess.start("pgbouncer-transaction", settings(key, TRANSACTION_POOLER))) {
                    for (int i = 0; i < 3; i++) {
                        var email = "pooled" + i + "@north.test";
                        var signup = call("POST", app.baseUrl() + "/api/accounts", null,
                                "{\"email\":\"" + email + "\",\"password\":\"a long passphrase\",\"displayName\":\"P\"}");
                        assertThat(signup.statusCode()).as(signup.body()).isEqualTo(201);
                        var login = call("POST", app.baseUrl() + "/api/sessions", null,
                                "{\"email\":\"" + email + "\",\"password\":\"a long passphrase\"}");
                        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
                        var me = call("GET", app.baseUrl() + "/api/accounts/me", field(login.body(), "accessToken"), null);
                        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
                        var health = call("GET", app.baseUrl() + "/actuator/health", null, null);
                        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
                    }
                    // Per module role, PostgreSQL sees at most the pooler's pool and the role's dedicated sessions.
                    var perRole = cluster.psql("edumatrix", "SELECT usename, count(*) FILTER (WHERE application_name"
                            + " NOT LIKE '%-notices' AND application_name NOT LIKE '%-listen%'), count(*) FROM pg_stat_activity"
                            + " WHERE usename LIKE '%\\_app' GROUP BY 1 ORDER BY 1").lines().toList();
                    assertThat(perRole).isNotEmpty();
                    for (var row : perRole) {
                        var columns = row.split("\\|");
                        assertThat(Integer.parseInt(columns[2])).as("backends of %s", row).isLessThanOrEqualTo(SERVER_CONNECTIONS + 1);
                    }
                    // The LISTEN sessions reach PostgreSQL directly: PgBouncer in transaction mode could not keep them.
                    assertThat(cluster.psql("edumatrix", "SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'LISTEN%'"))
                            .isEqualTo("2");
                    var pools = transaction.show("POOLS");
                    assertThat(pools).as("PgBouncer pools").contains("courses_app").contains("transaction");
                }
                try (var refused = ApplicationProcess.launch("pgbouncer-session", List.of(), settings(key, SESSION_POOLER))) {
                    assertThat(refused.awaitExit(Duration.ofMinutes(3))).as("exit code; log %s", refused.log()).isNotZero();
                    assertThat(Files.readString(refused.log())).contains("edumatrix.database.pool.host/port"
                            + " (DB_POOL_HOST/DB_POOL_PORT) 127.0.0.1:" + SESSION_POOLER + "/edumatrix keeps a server"
                            + " connection per client connection");
                }
            }
        }
    }

    private static String[] settings(String key, int pooler) {
        var arguments = new ArrayList<>(List.of("--edumatrix.database.host=127.0.0.1", "--edumatrix.database.port=" + POSTGRES,
                "--edumatrix.database.name=edumatrix", "--edumatrix.database.admin.username=postgres",
                "--edumatrix.database.pool.host=127.0.0.1", "--edumatrix.database.pool.port=" + pooler,
                "--edumatrix.database.pool.server-connections=" + SERVER_CONNECTIONS,
                "--edumatrix.database.pool.maximum-pool-size=10", "--edumatrix.database.instances=3",
                "--edumatrix.security.key-wrapping-key=" + key));
        return arguments.toArray(String[]::new);
    }
}
