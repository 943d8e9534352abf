package io.edumatrix.split;

import io.edumatrix.architecture.ConfiguredModules;
import io.edumatrix.platform.data.ApplicationLaunch;
import java.io.IOException;
import io.edumatrix.platform.testing.ServiceClientKeyPair;
import io.edumatrix.platform.testing.TestDatabase;
import java.net.ServerSocket;
import java.sql.SQLException;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two EduMatrix applications in this JVM, one running every module but {@code split} on the run's database, the other
 * {@code split} alone on a database of its own (ADR 0035, the module's location of ADR 0030), and a Kafka broker started by
 * ops/kafka/run.sh.
 * Each names the other as the place of its missing modules.
 */
final class SplitProcesses implements AutoCloseable {

    final KafkaBrokerProcess broker;
    final ConfigurableApplicationContext a;
    final ConfigurableApplicationContext b;
    final String urlA;
    final String urlB;

    /** The database of the split module's own, on the run's server, created here and dropped on close. */
    final String ownDatabase;

    SplitProcesses(String splitModule) throws IOException {
        ownDatabase = createOwnDatabase(splitModule);
        broker = new KafkaBrokerProcess(freePort(), freePort());
        var portA = freePort();
        var portB = freePort();
        urlA = "http://127.0.0.1:" + portA;
        urlB = "http://127.0.0.1:" + portB;
        var others = ConfiguredModules.names().stream().filter(m -> !m.equals(splitModule)).toList();
        var launchB = ApplicationLaunch.onTestDatabase().overHttp().with("server.port", portB)
                .with("edumatrix.modules", splitModule)
                .with("edumatrix.database.modules." + splitModule + ".database", ownDatabase)
                .with("spring.kafka.bootstrap-servers", broker.bootstrapServers())
                .with("edumatrix.database.instances", 3)
                .with("edumatrix.management.database-readings-refresh", "0s")
                .with("edumatrix.events.kafka.resubmit-interval", "2s");
        others.forEach(m -> launchB.with("edumatrix.remote." + m + ".url", urlA));
        // B obtains its service tokens from identity at A with its own key; A trusts only the public half (ADR 0035).
        var clientKey = ServiceClientKeyPair.generate();
        launchB.with("edumatrix.service-client.name", "process-b")
                .with("edumatrix.service-client.private-key", clientKey.privatePem());
        b = launchB.start();
        try {
            var launchA = ApplicationLaunch.onTestDatabase().overHttp().with("server.port", portA)
                    .with("edumatrix.modules", String.join(",", others))
                    .with("edumatrix.remote." + splitModule + ".url", urlB)
                    .with("edumatrix.identity.service-clients.process-b.public-key", clientKey.publicPem())
                    .with("spring.kafka.bootstrap-servers", broker.bootstrapServers())
                    .with("edumatrix.database.instances", 3)
                    .with("edumatrix.events.kafka.resubmit-interval", "2s");
            a = launchA.start();
        } catch (RuntimeException e) {
            b.close();
            closeBroker();
            dropOwnDatabase(ownDatabase);
            throw e;
        }
    }


    /** The broker stops (SIGTERM); the processes keep running. */
    void stopBroker() throws InterruptedException {
        broker.stop();
    }

    /** The same broker again: same port, same log. */
    void startBrokerAgain() throws IOException {
        broker.start();
    }

    static String createOwnDatabase(String module) {
        var name = TestDatabase.get().name() + "_" + module;
        try (var admin = TestDatabase.get().connectAsAdmin(); var statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the split module's database " + name, e);
        }
        return name;
    }

    static void dropOwnDatabase(String name) {
        try (var admin = TestDatabase.get().connectAsAdmin(); var statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            System.err.println("Could not drop " + name + ": " + e.getMessage());
        }
    }

    private void closeBroker() {
        try {
            broker.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            System.err.println("Could not delete the broker's log: " + e.getMessage());
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        a.close();
        b.close();
        closeBroker();
        dropOwnDatabase(ownDatabase);
    }
}
