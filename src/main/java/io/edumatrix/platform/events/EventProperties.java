package io.edumatrix.platform.events;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How events between modules are retried and cleaned up. Staleness and completion mode are Spring Modulith's own
 * settings ({@code spring.modulith.events.*}).
 *
 * @param listenerThreads how many listeners run at once; further deliveries wait in a queue (their publications are
 *     in the outbox already, so the queue holds nothing that a crash could lose)
 * @param retry how a failing listener is retried before its publication is marked failed
 * @param keepCompleted how long completed publications and inbox entries are kept before the cleanup deletes them
 * @param cleanupInterval how often the cleanup runs
 * @param shutdownGrace how long a shutdown (SIGTERM) waits for running and queued listeners before it interrupts them;
 *     the pools close only after. A listener cut short leaves its publication incomplete, delivered again at the next
 *     start, so this bounds the wait, not what is kept
 */
@Validated
@ConfigurationProperties("edumatrix.events")
record EventProperties(
        @Min(1) @DefaultValue("8") int listenerThreads,
        @Valid @NotNull @DefaultValue Retry retry,
        @NotNull @DefaultValue("7d") Duration keepCompleted,
        @NotNull @DefaultValue("1h") Duration cleanupInterval,
        @NotNull @DefaultValue("20s") Duration shutdownGrace) {

    /**
     * @param maxAttempts attempts in all, the first included
     * @param initialDelay the wait before the second attempt
     * @param multiplier the factor each further wait grows by
     * @param maxDelay the longest wait
     */
    public record Retry(
            @Min(1) @DefaultValue("4") int maxAttempts,
            @NotNull @DefaultValue("200ms") Duration initialDelay,
            @DecimalMin("1.0") @DefaultValue("2.0") double multiplier,
            @NotNull @DefaultValue("5s") Duration maxDelay) {}
}
