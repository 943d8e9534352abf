package io.edumatrix.split;

import io.edumatrix.architecture.ConfiguredModules;
import io.edumatrix.platform.data.ApplicationLaunch;
import java.io.IOException;
import java.net.ServerSocket;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two EduMatrix applications in this JVM, one running every module but {@code split}, the other {@code split} alone
 * (ADR 0035), both on the run's database (each wires only its own modules' schemas), and a Kafka broker started by
 * ops/kafka/run.sh.
 * Each names the other as the place of its missing modules.
 */
final class SplitProcesses implements AutoCloseable {

    final KafkaBrokerProcess broker;
    final ConfigurableApplicationContext a;
    final ConfigurableApplicationContext b;
    final String urlA;
    final String urlB;

    SplitProcesses(String splitModule) throws IOException {
        broker = new KafkaBrokerProcess(freePort(), freePort());
        var portA = freePort();
        var portB = freePort();
        urlA = "http://127.0.0.1:" + portA;
        urlB = "http://127.0.0.1:" + portB;
        var others = ConfiguredModules.names().stream().filter(m -> !m.equals(splitModule)).toList();
        var launchB = ApplicationLaunch.onTestDatabase().overHttp().with("server.port", portB)
                .with("edumatrix.modules", splitModule)
                .with("spring.kafka.bootstrap-servers", broker.bootstrapServers())
                .with("edumatrix.database.instances", 3)
                .with("edumatrix.management.database-readings-refresh", "0s")
                .with("edumatrix.events.kafka.resubmit-interval", "2s");
        others.forEach(m -> launchB.with("edumatrix.remote." + m + ".url", urlA));
        b = launchB.start();
        try {
            var launchA = ApplicationLaunch.onTestDatabase().overHttp().with("server.port", portA)
                    .with("edumatrix.modules", String.join(",", others))
                    .with("edumatrix.remote." + splitModule + ".url", urlB)
                    .with("spring.kafka.bootstrap-servers", broker.bootstrapServers())
                    .with("edumatrix.database.instances", 3)
                    .with("edumatrix.events.kafka.resubmit-interval", "2s");
            a = launchA.start();
        } catch (RuntimeException e) {
            b.close();
            closeBroker();
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

    private void closeBroker() {
        try {
            broker.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
    }
}
