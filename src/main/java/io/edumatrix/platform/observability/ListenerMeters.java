package io.edumatrix.platform.observability;

import io.edumatrix.platform.events.DomainEvent;
import io.edumatrix.platform.events.ModuleListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * Listener delivery, per listening module: {@code edumatrix.listener.lag}, from the event's occurrence to the end of
 * its delivery (after every retry), tagged {@code outcome} completed or failed; and {@code edumatrix.listener.retries},
 * the attempts after the first. The delivery advice runs outside the platform's retries, the attempt advice inside
 * them, both on the listener's thread, which carries the attempt count from one to the other.
 */
final class ListenerMeters {

    static final String LAG = "edumatrix.listener.lag";
    static final String RETRIES = "edumatrix.listener.retries";

    private static final ThreadLocal<int[]> ATTEMPTS = new ThreadLocal<>();

    private final MeterRegistry registry;
    /**
     * Looked up once rather than per delivery: the listener method's module, and each module's lag timers. Built per
     * delivery, they were a third of this advice's time.
     */
    private final Map<Method, String> moduleOfListener = new ConcurrentHashMap<>();
    private final Map<String, Timer> lags = new ConcurrentHashMap<>();

    /** Registers every module's meters at once, so a scrape shows them before the first delivery. */
    ListenerMeters(MeterRegistry registry, List<String> modules) {
        this.registry = registry;
        for (var module : modules) {
            retries(module);
            lag(module, "completed");
            lag(module, "failed");
        }
    }

    /** Around one delivery, retries included. */
    MethodInterceptor delivery() {
        return this::deliver;
    }

    /** Around each attempt. */
    static MethodInterceptor attempt() {
        return invocation -> {
            var attempts = ATTEMPTS.get();
            if (attempts != null) {
                attempts[0]++;
            }
            return invocation.proceed();
        };
    }

    private Object deliver(MethodInvocation invocation) throws Throwable {
        var module = moduleOfListener.computeIfAbsent(invocation.getMethod(),
                method -> AnnotatedElementUtils.findMergedAnnotation(method, ModuleListener.class).value());
        var attempts = new int[1];
        ATTEMPTS.set(attempts);
        var outcome = "failed";
        try {
            var result = invocation.proceed();
            outcome = "completed";
            return result;
        } finally {
            ATTEMPTS.remove();
            if (attempts[0] > 1) {
                retries(module).increment(attempts[0] - 1);
            }
            if (invocation.getArguments().length == 1 && invocation.getArguments()[0] instanceof DomainEvent event) {
                lag(module, outcome).record(Duration.between(event.occurredAt(), Instant.now()));
            }
        }
    }

    private Timer lag(String module, String outcome) {
        return lags.computeIfAbsent(module + ' ' + outcome, key -> Timer.builder(LAG)
                .description("From an event's occurrence to the end of its delivery to a listener of the module")
                .tag("module", module)
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                // The alert's threshold as a bucket boundary of its own, so "p99 above 5 s" is read exactly.
                .serviceLevelObjectives(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30))
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(5))
                .register(registry));
    }

    private Counter retries(String module) {
        return Counter.builder(RETRIES)
                .description("Listener attempts after the first, in the listening module")
                .tag("module", module)
                .register(registry);
    }
}
