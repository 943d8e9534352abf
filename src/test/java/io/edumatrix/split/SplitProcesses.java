package io.edumatrix.split;

import io.edumatrix.architecture.ConfiguredModules;
import io.edumatrix.platform.data.ApplicationLaunch;
import java.io.IOException;
import java.net.ServerSocket;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Two EduMatrix applications in this JVM, one running every module but {@code split}, the other {@code split} alone
 * (ADR 0035), both on the run's database (each wires only its own modules' schemas) and an embedded KRaft broker.
 * Each names the other as the place of its missing modules.
 */
final class SplitProcesses implements AutoCloseable {

    private final int brokerPort;
    EmbeddedKafkaKraftBroker broker;
    final ConfigurableApplicationContext a;
    final ConfigurableApplicationContext b;
    final String urlA;
    final String urlB;

    SplitProcesses(String splitModule) throws IOException {
        brokerPort = freePort();
        broker = startBroker(brokerPort);
        var portA = freePort();
        var portB = freePort();
        urlA = "http://127.0.0.1:" + portA;
        urlB = "http://127.0.0.1:" + portB;
        var others = ConfiguredModules.names().stream().filter(m -> !m.equals(splitModule)).toList();
        var launchB = ApplicationLaunch.onTestDatabase().overHttp().with("server.port", portB)
                .with("edumatrix.modules", splitModule)
                .with("spring.kafka.bootstrap-servers", broker.getBrokersAsString())
                .with("edumatrix.database.instances", 3)
                .with("edumatrix.management.database-readings-refresh", "0s")
                .with("edumatrix.events.kafka.resubmit-interval", "2s");
        others.forEach(m -> launchB.with("edumatrix.remote." + m + ".url", urlA));
        b = launchB.start();
        try {
            var launchA = ApplicationLaunch.onTestDatabase().overHttp().with("server.port", portA)
                    .with("edumatrix.modules", String.join(",", others))
                    .with("edumatrix.remote." + splitModule + ".url", urlB)
                    .with("spring.kafka.bootstrap-servers", broker.getBrokersAsString())
                    .with("edumatrix.database.instances", 3)
                    .with("edumatrix.events.kafka.resubmit-interval", "2s");
            a = launchA.start();
        } catch (RuntimeException e) {
            b.close();
            broker.destroy();
            throw e;
        }
    }


    /** The broker goes away; the processes keep running. */
    void stopBroker() {
        broker.destroy();
    }

    /** A new broker on the same port: empty, as after the loss of a single node's disk. */
    void startBrokerAgain() {
        broker = startBroker(brokerPort);
    }

    private static EmbeddedKafkaKraftBroker startBroker(int port) {
        var started = new EmbeddedKafkaKraftBroker(1, 1).kafkaPorts(port);
        started.afterPropertiesSet();
        return started;
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
        broker.destroy();
    }
}
