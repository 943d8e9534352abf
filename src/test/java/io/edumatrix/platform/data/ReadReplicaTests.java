package io.edumatrix.platform.data;

import static io.edumatrix.platform.data.ProductionConnections.call;
import static io.edumatrix.platform.data.ProductionConnections.field;
import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.platform.testing.ApplicationProcess;
import io.edumatrix.platform.testing.ProcessTest;
import io.edumatrix.platform.testing.ThrowawayCluster;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The application with a real streaming standby ({@code pg_basebackup -R}) as its read replica: read-only transactions
 * run on the standby, writes on the primary, a tenant sees only its own rows there too, a replica that is a primary
 * stops the start-up, and stopping the standby sends reads to the primary without one request failing.
 */
@ProcessTest
class ReadReplicaTests {

    private static final int PRIMARY = 15420;
    private static final int STANDBY = 15421;
    private static final int METRICS = 15422;

    private String api;

    @Test
    void reads_go_to_the_standby_writes_to_the_primary_and_a_stopped_standby_fails_no_request() throws Exception {
        try (var primary = ThrowawayCluster.create("primary", PRIMARY)) {
            primary.hba("host all all 127.0.0.1/32 trust", "host all all ::1/128 trust");
            primary.start();
            primary.psql("postgres", "CREATE DATABASE edumatrix");
            var key = ProductionConnections.masterKey();

            // A primary named as the replica is a configuration error, said in one line.
            try (var wrong = ApplicationProcess.launch("replica-not-a-standby", List.of(), settings(key, PRIMARY))) {
                assertThat(wrong.awaitExit(Duration.ofMinutes(3))).as("exit code; log %s", wrong.log()).isNotZero();
                assertThat(java.nio.file.Files.readString(wrong.log())).contains(
                        "edumatrix.database.read.host (DB_READ_HOST) 127.0.0.1:" + PRIMARY + "/edumatrix is not a standby");
            }

            try (var standby = ThrowawayCluster.standbyOf(primary, "standby", STANDBY)) {
                standby.start();
                assertThat(standby.psql("edumatrix", "SELECT pg_is_in_recovery()")).isEqualTo("t");
                try (var app = ApplicationProcess.start("read-replica", settings(key, STANDBY))) {
                    api = app.baseUrl();
                    exercise(primary, standby);
                }
            }
        }
    }

    private void exercise(ThrowawayCluster primary, ThrowawayCluster standby) throws Exception {
        var admin = login("replica-admin@example.com", null);
        var north = field(post("/api/institutions", admin, "{\"name\":\"North\",\"code\":\"north\"}"), "id");
        var south = field(post("/api/institutions", admin, "{\"name\":\"South\",\"code\":\"south\"}"), "id");
        member("ada", north, "INSTITUTION_ADMIN", admin);
        member("bo", north, "STUDENT", admin);
        member("sam", south, "INSTITUTION_ADMIN", admin);
        var ada = login("ada@north.test", north);
        var sam = login("sam@north.test", south);
        // Writes: on the primary (a standby would refuse them with 25006, a 500 here).
        var northCourse = field(post("/api/courses", ada, "{\"institutionId\":\"" + north + "\",\"code\":\"GEO1\",\"title\":\"Geometry\"}"), "id");
        var southCourse = field(post("/api/courses", sam, "{\"institutionId\":\"" + south + "\",\"code\":\"ART1\",\"title\":\"Art\"}"), "id");
        // Ada's own write is there for her at once: her reads stay on the primary for the maximum lag.
        assertThat(get("/api/courses/" + northCourse, ada).statusCode()).isEqualTo(200);

        var bo = login("bo@north.test", north);
        awaitReplayed(primary, standby);
        Thread.sleep(1_200); // past Bo's own write (his login) by more than the maximum lag

        var before = replicaUses("courses");
        for (int i = 0; i < 5; i++) {
            var own = get("/api/courses/" + northCourse, bo);
            assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
            // Row-level security holds on the standby: South's course is not there for Bo.
            assertThat(get("/api/courses/" + southCourse, bo).statusCode()).isEqualTo(404);
            var list = get("/api/courses", bo);
            assertThat(list.statusCode()).isEqualTo(200);
            assertThat(list.body()).contains(northCourse).doesNotContain(southCourse);
        }
        assertThat(replicaUses("courses") - before).as("reads on courses-replica").isGreaterThanOrEqualTo(15);
        assertThat(metric("edumatrix_db_replica_fallbacks_total", "module=\"courses\",reason=\"down\"")).isZero();
        assertThat(metric("edumatrix_db_replica_lag_seconds", "replica=\"127.0.0.1:" + STANDBY + "\"")).isLessThan(1.0);
        assertThat(standby.psql("edumatrix", "SELECT pg_is_in_recovery() AND count(*) > 0 FROM pg_stat_activity"
                + " WHERE application_name = 'courses-replica'")).isEqualTo("t");

        standby.stop();
        var deadline = Instant.now().plusSeconds(5);
        int requests = 0;
        while (Instant.now().isBefore(deadline) || requests < 20) {
            var own = get("/api/courses/" + northCourse, bo);
            assertThat(own.statusCode()).as("request %s after the standby stopped: %s", requests, own.body()).isEqualTo(200);
            assertThat(get("/api/courses/" + southCourse, bo).statusCode()).isEqualTo(404);
            requests += 2;
        }
        assertThat(metric("edumatrix_db_replica_fallbacks_total", "module=\"courses\",reason=\"down\"")).isPositive();
        assertThat(metric("edumatrix_db_replica_lag_seconds", "replica=\"127.0.0.1:" + STANDBY + "\"")).isNaN();
    }

    private static void awaitReplayed(ThrowawayCluster primary, ThrowawayCluster standby) throws Exception {
        var lsn = primary.psql("postgres", "SELECT pg_current_wal_lsn()");
        for (int i = 0; i < 100; i++) {
            if ("t".equals(standby.psql("postgres", "SELECT pg_last_wal_replay_lsn() >= '" + lsn + "'::pg_lsn"))) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("The standby did not replay " + lsn + " within 10 s");
    }

    private String login(String email, String institution) throws Exception {
        var body = "{\"email\":\"" + email + "\",\"password\":\"" + (email.startsWith("replica-admin") ? "admin passphrase 1"
                : "a long passphrase") + "\"" + (institution == null ? "" : ",\"institutionId\":\"" + institution + "\"") + "}";
        return field(post("/api/sessions", null, body), "accessToken");
    }

    private void member(String who, String institution, String role, String admin) throws Exception {
        post("/api/accounts", null, "{\"email\":\"" + who + "@north.test\",\"password\":\"a long passphrase\",\"displayName\":\"" + who + "\"}");
        post("/api/institutions/" + institution + "/members", admin, "{\"email\":\"" + who + "@north.test\",\"role\":\"" + role + "\"}");
    }

    private String post(String path, String token, String json) throws Exception {
        var response = call("POST", api + path, token, json);
        assertThat(response.statusCode()).as("POST %s: %s", path, response.body()).isBetween(200, 299);
        return response.body();
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return call("GET", api + path, token, null);
    }

    private long replicaUses(String module) throws Exception {
        return (long) metric("hikaricp_connections_usage_seconds_count", "pool=\"" + module + "-replica\"");
    }

    /** A sample of the Prometheus scrape whose labels include {@code labels}. */
    private static double metric(String name, String labels) throws Exception {
        var scrape = ProductionConnections.HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + METRICS + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString()).body();
        var sample = Pattern.compile("(?m)^" + name + "\\{[^}]*" + Pattern.quote(labels) + "[^}]*} (\\S+)$").matcher(scrape);
        if (!sample.find()) {
            throw new AssertionError("No " + name + "{" + labels + "} in the scrape:\n"
                    + scrape.lines().filter(l -> l.startsWith(name)).reduce("", (a, b) -> a + b + "\n"));
        }
        return Double.parseDouble(sample.group(1));
    }

    private static String[] settings(String key, int replicaPort) {
        return new String[] {"--edumatrix.database.host=127.0.0.1", "--edumatrix.database.port=" + PRIMARY,
                "--edumatrix.database.name=edumatrix", "--edumatrix.database.admin.username=postgres",
                "--edumatrix.database.read.host=127.0.0.1", "--edumatrix.database.read.port=" + replicaPort,
                "--edumatrix.database.read.max-lag=1s", "--edumatrix.database.read.check-interval=200ms",
                // A loaded CI machine may take more than the default second to open a replica connection.
                "--edumatrix.database.read.connection-timeout=5s",
                "--edumatrix.database.instances=1", "--edumatrix.security.key-wrapping-key=" + key,
                "--edumatrix.management.port=" + METRICS,
                "--edumatrix.bootstrap.admin.email=replica-admin@example.com",
                "--edumatrix.bootstrap.admin.password=admin passphrase 1"};
    }
}
