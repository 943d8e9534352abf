package io.edumatrix.platform.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edumatrix.platform.testing.UnitTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How settings become connections: TLS per role, the pooler, replicas, and what the budget counts behind a pooler. */
@UnitTest
class ConnectionSettingsTests {

    @TempDir
    Path folder;

    @Test
    void every_role_connects_with_its_own_certificate_and_through_a_pooler_without_server_side_prepared_statements() {
        var connections = connections(Map.of("edumatrix.database.ssl.mode", "verify-full",
                "edumatrix.database.ssl.root-cert", "/etc/edumatrix/ca.crt", "edumatrix.database.ssl.cert-dir", "/etc/edumatrix/certs"));

        var direct = connections.properties("courses_app", "", "courses", false);
        assertThat(direct).containsEntry("user", "courses_app").containsEntry("sslmode", "verify-full")
                .containsEntry("sslrootcert", "/etc/edumatrix/ca.crt")
                .containsEntry("sslcert", "/etc/edumatrix/certs/courses_app.crt")
                .containsEntry("sslkey", "/etc/edumatrix/certs/courses_app.key")
                .containsEntry("ApplicationName", "courses").doesNotContainKeys("password", "prepareThreshold");
        assertThat(connections.properties("jobs_app", "secret", "jobs", true)).containsEntry("prepareThreshold", "0")
                .containsEntry("password", "secret").containsEntry("sslcert", "/etc/edumatrix/certs/jobs_app.crt");
        assertThat(connections.libpqEnvironment("postgres")).containsEntry("PGSSLMODE", "verify-full")
                .containsEntry("PGSSLROOTCERT", "/etc/edumatrix/ca.crt")
                .containsEntry("PGSSLCERT", "/etc/edumatrix/certs/postgres.crt")
                .containsEntry("PGSSLKEY", "/etc/edumatrix/certs/postgres.key");
        assertThat(connections(Map.of()).properties("courses_app", "", "courses", false))
                .containsEntry("sslmode", "prefer").doesNotContainKeys("sslcert", "sslkey", "sslrootcert");
    }

    @Test
    void a_missing_or_unreadable_certificate_file_is_named_with_its_setting() throws Exception {
        Files.writeString(folder.resolve("courses_app.crt"), "x");
        Files.writeString(folder.resolve("courses_app.key"), "x");
        Files.createDirectory(folder.resolve("jobs_app.crt"));
        Files.writeString(folder.resolve("jobs_app.key"), "x");
        var connections = connections(Map.of("edumatrix.database.ssl.cert-dir", folder.toString()));

        connections.requireFiles(List.of("courses_app"));
        assertThatThrownBy(() -> connections.requireFiles(List.of("courses_app", "news_app")))
                .isInstanceOf(ModuleStartupException.class)
                .hasMessage("edumatrix.database.ssl.cert-dir (DB_SSL_CERT_DIR) names " + folder.resolve("news_app.crt")
                        + ", which does not exist");
        assertThatThrownBy(() -> connections.requireFiles(List.of("jobs_app")))
                .hasMessage("edumatrix.database.ssl.cert-dir (DB_SSL_CERT_DIR) names " + folder.resolve("jobs_app.crt")
                        + ", which this process cannot read");
        assertThatThrownBy(() -> connections(Map.of("edumatrix.database.ssl.root-cert", folder.resolve("ca.crt").toString()))
                .requireFiles(List.of())).hasMessageStartingWith("edumatrix.database.ssl.root-cert (DB_SSL_ROOT_CERT) names");
    }

    @Test
    void a_module_reads_from_its_own_replica_the_shared_one_or_none() {
        var connections = connections(Map.of("edumatrix.database.read.host", "replica-1",
                "edumatrix.database.module.jobs.read-host", "replica-2", "edumatrix.database.module.jobs.read-port", "6000"));

        assertThat(connections.replica("courses")).contains(new DatabaseLocation("replica-1", connections.direct().port(), "edumatrix"));
        assertThat(connections.replica("jobs")).contains(new DatabaseLocation("replica-2", 6000, "edumatrix"));
        assertThat(connections.replica("identity")).as("identity is configured to read the primary").isEmpty();
        assertThat(connections(Map.of()).replica("courses")).isEmpty();
    }

    @Test
    void behind_a_transaction_pooler_the_budget_counts_its_server_connections_and_the_dedicated_sessions() {
        var properties = ShippedSettings.properties(Map.of("edumatrix.database.pool.host", "pooler",
                "edumatrix.database.pool.port", "6432", "edumatrix.database.pool.server-connections", "5",
                "edumatrix.database.pool.maximum-pool-size", "20", "edumatrix.database.instances", "3"));
        var modules = ModuleDatabases.of(properties);

        assertThat(new ConnectionSettings(properties.database()).pooled()).isEqualTo(new DatabaseLocation("pooler", 6432, "edumatrix"));
        assertThat(modules.find("courses").orElseThrow().connectionLimit()).isEqualTo(5);
        assertThat(modules.find("community").orElseThrow().connectionLimit()).as("pooler's 5 and a LISTEN session per instance").isEqualTo(8);
        int dedicated = modules.all().stream().mapToInt(ModuleDatabase::dedicatedConnections).sum();
        assertThat(modules.serverConnections()).isEqualTo(modules.all().size() * 5 + dedicated * 3);

        var proxy = ShippedSettings.properties(Map.of("edumatrix.database.pool.port", "6432", "edumatrix.database.instances", "3"));
        assertThat(ModuleDatabases.of(proxy).find("courses").orElseThrow().connectionLimit())
                .as("a proxy without declared server connections keeps a session per pooled connection").isEqualTo(4 * 3);
        assertThatThrownBy(() -> ModuleDatabases.of(ShippedSettings.properties(Map.of(
                "edumatrix.database.pool.server-connections", "5")))).isInstanceOf(ModuleStartupException.class)
                .hasMessageStartingWith("edumatrix.database.pool.server-connections (DB_POOL_SERVER_CONNECTIONS) declares a pooler");
    }

    @Test
    void the_replica_pools_go_straight_to_the_standby_so_the_role_limit_there_and_its_budget_count_them() {
        var properties = ShippedSettings.properties(Map.of("edumatrix.database.pool.host", "pooler",
                "edumatrix.database.pool.port", "6432", "edumatrix.database.pool.server-connections", "5",
                "edumatrix.database.pool.maximum-pool-size", "6", "edumatrix.database.instances", "3",
                "edumatrix.database.read.host", "replica-1"));
        var modules = ModuleDatabases.of(properties);
        var courses = modules.find("courses").orElseThrow();
        var identity = modules.find("identity").orElseThrow();

        assertThat(courses.primaryConnections()).as("the pooler's server connections").isEqualTo(5);
        assertThat(courses.connectionLimit()).as("3 replica pools of 6 and a lag check per instance").isEqualTo(6 * 3 + 3);
        assertThat(identity.connectionLimit()).as("identity reads the primary").isEqualTo(5);
        int dedicated = modules.all().stream().mapToInt(ModuleDatabase::dedicatedConnections).sum();
        assertThat(modules.serverConnections()).as("the primary's budget is unchanged")
                .isEqualTo(modules.all().size() * 5 + dedicated * 3);
        long reading = modules.all().stream().filter(m -> m.replicaConnections() > 0).count();
        assertThat(reading).as("all modules but identity and institutions").isEqualTo(modules.all().size() - 2);
        int port = new ConnectionSettings(properties.database()).direct().port();
        assertThat(modules.replicaConnections(new DatabaseLocation("replica-1", port, "edumatrix")))
                .isEqualTo((int) reading * 6 * 3 + 3);
        assertThat(modules.replicaConnections(new DatabaseLocation("elsewhere", port, "edumatrix"))).isZero();
    }

    private static ConnectionSettings connections(Map<String, Object> overrides) {
        return new ConnectionSettings(ShippedSettings.properties(overrides).database());
    }
}
