package io.edumatrix.platform.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * {@code edumatrix.module.health}: 1 while the module's health entry (its pool reaching the database, under
 * {@code /actuator/health}'s {@code db}) is UP, 0 otherwise. The check borrows a connection, so one reading serves
 * the scrapes until it is older than {@code refresh}, as for the outbox gauges.
 */
final class ModuleHealthMeter {

    static final String NAME = "edumatrix.module.health";

    private final HealthIndicator health;
    private final Duration refresh;
    private final Clock clock;
    private Instant readAt = Instant.MIN;
    private double up;

    ModuleHealthMeter(String module, HealthIndicator health, Duration refresh, Clock clock, MeterRegistry registry) {
        this.health = health;
        this.refresh = refresh;
        this.clock = clock;
        Gauge.builder(NAME, this, ModuleHealthMeter::read)
                .description("1 while the module's database health is UP, else 0")
                .tag("module", module)
                .strongReference(true)
                .register(registry);
    }

    private synchronized double read() {
        var now = clock.instant();
        if (!readAt.plus(refresh).isAfter(now)) {
            up = Status.UP.equals(health.health().getStatus()) ? 1 : 0;
            readAt = now;
        }
        return up;
    }
}
