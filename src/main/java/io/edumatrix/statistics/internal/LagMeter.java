package io.edumatrix.statistics.internal;

import io.edumatrix.platform.events.DomainEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * How far the read model trails the events: from an event's {@code occurredAt} to the commit of its effect here, when
 * a reader can see it. Published as the timer {@code edumatrix.statistics.lag} with its median and 99th percentile
 * ({@code /actuator/metrics/edumatrix.statistics.lag}).
 */
@Component
class LagMeter {

    static final String NAME = "edumatrix.statistics.lag";

    private final Timer lag;

    LagMeter(MeterRegistry registry) {
        lag = Timer.builder(NAME)
                .description("From an event's occurrence to the commit of its effect on the statistics read model")
                .publishPercentiles(0.5, 0.99)
                .tag("module", "statistics")
                .register(registry);
    }

    /** Records the event's lag once the listener's transaction commits; a rolled-back attempt records nothing. */
    void observe(DomainEvent event) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                lag.record(Duration.between(event.occurredAt(), Instant.now()));
            }
        });
    }
}
