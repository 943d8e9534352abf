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

    final EmbeddedKafkaKraftBroker broker;
    final ConfigurableApplicationContext a;
    final ConfigurableApplicationContext b;
    final String urlA;
    final String urlB;

    SplitProcesses(String splitModule) throws IOException {
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.afterPropertiesSet();
        var portA = freePort();
        var portB = freePort();
        urlA = "http://127.0.0.1:" + portA;
        urlB = "http://127.0.0.1:" + portB;
        var others = ConfiguredModules.names().stream().filter(m -> !m.equals(splitModule)).toList();
        var launchB = ApplicationLaunch.onTestDatabase().overHttp().with("server.port", portB)
                .with("edumatrix.modules", splitModule)
                .with("spring.kafka.bootstrap-servers", broker.getBrokersAsString())
                .with("edumatrix.database.instances", 3);
        others.forEach(m -> launchB.with("edumatrix.remote." + m + ".url", urlA));
        b = launchB.start();
        try {
            var launchA = ApplicationLaunch.onTestDatabase().overHttp().with("server.port", portA)
                    .with("edumatrix.modules", String.join(",", others))
                    .with("edumatrix.remote." + splitModule + ".url", urlB)
                    .with("spring.kafka.bootstrap-servers", broker.getBrokersAsString())
                    .with("edumatrix.database.instances", 3);
            a = launchA.start();
        } catch (RuntimeException e) {
            b.close();
            broker.destroy();
            throw e;
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
        broker.destroy();
    }
}
