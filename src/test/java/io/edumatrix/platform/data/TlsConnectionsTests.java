package io.edumatrix.platform.data;

import static io.edumatrix.platform.data.ProductionConnections.call;
import static io.edumatrix.platform.data.ProductionConnections.field;
import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.platform.testing.ApplicationProcess;
import io.edumatrix.platform.testing.ProcessTest;
import io.edumatrix.platform.testing.TestCertificates;
import io.edumatrix.platform.testing.ThrowawayCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The application against a cluster that takes TLS 1.3 with a client certificate only ({@code hostssl … cert}, whose CN
 * must be the role; {@code hostnossl … reject}): it starts, migrates and serves with every connection encrypted and
 * each made with its own role's certificate, and refuses to start, saying which module and why, with a wrong CA, a
 * wrong host name, another module's certificate or a missing key file.
 */
@ProcessTest
class TlsConnectionsTests {

    private static final int PORT = 15410;

    @Test
    void every_connection_is_tls_1_3_with_its_roles_certificate_and_bad_tls_settings_stop_the_start_up() throws Exception {
        var modules = ProductionConnections.modules();
        try (var cluster = ThrowawayCluster.create("tls", PORT)) {
            var certs = cluster.folder().resolve("certs");
            var ca = TestCertificates.authority(certs, "ca");
            ca.server(certs, "server", "localhost");
            Files.setPosixFilePermissions(certs.resolve("server.key"), java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            ThrowawayCluster.run(List.of("chown", "-R", "postgres:postgres", certs.toString()));
            var clients = certs.resolve("clients");
            ca.client(clients, "postgres", "postgres", false);
            for (int i = 0; i < modules.size(); i++) {
                // Every other key is PKCS-8 DER, the rest PEM: both are read.
                ca.client(clients, modules.get(i) + "_app", modules.get(i) + "_app", i % 2 == 1);
            }
            cluster.configure("ssl = on", "ssl_cert_file = '" + certs.resolve("server.crt") + "'",
                    "ssl_key_file = '" + certs.resolve("server.key") + "'", "ssl_ca_file = '" + ca.certificate() + "'",
                    "ssl_min_protocol_version = 'TLSv1.3'");
            cluster.hba("hostssl all all 127.0.0.1/32 cert clientcert=verify-full",
                    "hostssl all all ::1/128 cert clientcert=verify-full",
                    "hostnossl all all 0.0.0.0/0 reject", "hostnossl all all ::/0 reject");
            cluster.start();
            cluster.psql("postgres", "CREATE DATABASE edumatrix");
            var key = ProductionConnections.masterKey();

            try (var app = ApplicationProcess.start("tls-verify-full", settings(key, "localhost", ca.certificate(), clients, true))) {
                var signup = call("POST", app.baseUrl() + "/api/accounts", null,
                        "{\"email\":\"tls@north.test\",\"password\":\"a long passphrase\",\"displayName\":\"Tia\"}");
                assertThat(signup.statusCode()).as(signup.body()).isEqualTo(201);
                var login = call("POST", app.baseUrl() + "/api/sessions", null,
                        "{\"email\":\"tls@north.test\",\"password\":\"a long passphrase\"}");
                assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
                var me = call("GET", app.baseUrl() + "/api/accounts/me", field(login.body(), "accessToken"), null);
                assertThat(me.statusCode()).as(me.body()).isEqualTo(200);

                // Every TCP backend (the test's psql comes over the Unix socket): TLS 1.3, its role's certificate.
                var rows = cluster.psql("edumatrix", "SELECT a.usename, a.application_name, s.ssl, s.version, s.client_dn"
                        + " FROM pg_stat_activity a JOIN pg_stat_ssl s USING (pid) WHERE a.client_addr IS NOT NULL"
                        + " ORDER BY 1, 2").lines().toList();
                assertThat(rows).as("TCP backends").isNotEmpty();
                for (var row : rows) {
                    var columns = row.split("\\|", -1);
                    assertThat(columns[2]).as(row).isEqualTo("t");
                    assertThat(columns[3]).as(row).isEqualTo("TLSv1.3");
                    assertThat(columns[4]).as(row).isEqualTo("/CN=" + columns[0]);
                }
                Set<String> roles = rows.stream().map(row -> row.split("\\|")[0]).collect(Collectors.toCollection(TreeSet::new));
                assertThat(roles).as("roles connected over TLS:\n%s", String.join("\n", rows))
                        .containsAll(modules.stream().map(m -> m + "_app").toList());
            }

            // Now without the admin connection, so the first connection made is a module's (identity's).
            var wrongCa = TestCertificates.authority(certs.resolve("other-ca"), "other-ca");
            assertRefused("tls-wrong-ca", settings(key, "localhost", wrongCa.certificate(), clients, false),
                    "Module 'identity' cannot log in as identity_app", "not signed by the CA");
            assertRefused("tls-wrong-host", settings(key, "127.0.0.1", ca.certificate(), clients, false),
                    "Module 'identity' cannot log in as identity_app", "does not name host 127.0.0.1");
            var swapped = certs.resolve("swapped");
            copyDirectory(clients, swapped);
            Files.copy(clients.resolve("courses_app.crt"), swapped.resolve("identity_app.crt"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.copy(clients.resolve("courses_app.key"), swapped.resolve("identity_app.key"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            assertRefused("tls-other-modules-certificate", settings(key, "localhost", ca.certificate(), swapped, false),
                    "Module 'identity' cannot log in as identity_app", "refused the client certificate identity_app.crt");
            Files.delete(swapped.resolve("jobs_app.key"));
            assertRefused("tls-missing-key", settings(key, "localhost", ca.certificate(), swapped, false),
                    "edumatrix.database.ssl.cert-dir (DB_SSL_CERT_DIR) names " + swapped.resolve("jobs_app.key")
                            + ", which does not exist");
        }
    }

    private static void assertRefused(String logName, String[] arguments, String... expected) throws Exception {
        try (var app = ApplicationProcess.launch(logName, List.of(), arguments)) {
            assertThat(app.awaitExit(Duration.ofMinutes(3))).as("exit code; log %s", app.log()).isNotZero();
            var log = Files.readString(app.log());
            for (var text : expected) {
                assertThat(log).as("log %s", app.log()).contains(text);
            }
        }
    }

    private static String[] settings(String key, String host, Path rootCert, Path certDir, boolean admin) {
        var arguments = new ArrayList<>(List.of("--edumatrix.database.host=" + host, "--edumatrix.database.port=" + PORT,
                "--edumatrix.database.name=edumatrix", "--edumatrix.database.ssl.mode=verify-full",
                "--edumatrix.database.ssl.root-cert=" + rootCert, "--edumatrix.database.ssl.cert-dir=" + certDir,
                "--edumatrix.security.key-wrapping-key=" + key, "--edumatrix.database.instances=1"));
        arguments.add("--edumatrix.database.admin.username=" + (admin ? "postgres" : ""));
        return arguments.toArray(String[]::new);
    }

    private static void copyDirectory(Path from, Path to) throws java.io.IOException {
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (var file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }
}
