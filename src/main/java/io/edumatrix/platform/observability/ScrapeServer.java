package io.edumatrix.platform.observability;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;

/**
 * Serves {@code GET /actuator/prometheus} on the management port, beside the public port and apart from it: a scraper
 * needs no token, and the public port's actuator rules stay as they are. Prometheus' own exporter serves it (content
 * negotiation, OpenMetrics, gzip); any other path on the port is a 404. Without a Prometheus registry (metrics
 * export switched off) there is nothing to serve and the port stays closed.
 */
final class ScrapeServer implements SmartLifecycle {

    static final String PATH = "/actuator/prometheus";

    private static final Logger log = LoggerFactory.getLogger(ScrapeServer.class);

    private final ObjectProvider<PrometheusMeterRegistry> registry;
    private final ManagementProperties properties;
    private @Nullable HTTPServer server;

    ScrapeServer(ObjectProvider<PrometheusMeterRegistry> registry, ManagementProperties properties) {
        this.registry = registry;
        this.properties = properties;
    }

    @Override
    public void start() {
        var prometheus = registry.getIfAvailable();
        if (prometheus == null) {
            // Metrics export is off (Boot's default in tests without @AutoConfigureMetrics): nothing to serve.
            return;
        }
        try {
            server = HTTPServer.builder()
                    .inetAddress(InetAddress.getByName(properties.address()))
                    .port(properties.port())
                    .registry(prometheus.getPrometheusRegistry())
                    .metricsHandlerPath(PATH)
                    .registerHealthHandler(false)
                    .defaultHandler(exchange -> {
                        exchange.sendResponseHeaders(404, -1);
                        exchange.close();
                    })
                    .buildAndStart();
        } catch (IOException e) {
            throw new UncheckedIOException("The management port " + properties.address() + ":" + properties.port()
                    + " cannot be opened (set MANAGEMENT_PORT, or edumatrix.management.port)", e);
        }
        log.info("Prometheus scrape on http://{}:{}{}", properties.address(), port(), PATH);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }

    /** The port bound, which differs from the configured one when that is 0. */
    int port() {
        if (server == null) {
            throw new IllegalStateException("The scrape server is not running");
        }
        return server.getPort();
    }
}
