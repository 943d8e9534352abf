package io.edumatrix.platform.observability;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import java.lang.management.ManagementFactory;
import java.util.Map;

/**
 * Brings the libraries' meters in line with Prometheus' naming rules, so the scrape passes {@code promtool check
 * metrics}: times in seconds (Micrometer's JVM compilation and process CPU time counters count milliseconds and
 * nanoseconds; they are replaced by the same counters in seconds), no gauge named like a histogram's {@code _count},
 * and a help text for the meters that Spring's observations register without one.
 */
final class PrometheusLint implements MeterFilter, MeterBinder {

    static final String COMPILATION_TIME = "jvm.compilation.time";
    static final String PROCESS_CPU_TIME = "process.cpu.time";

    private static final Map<String, String> RENAMED = Map.of("system.cpu.count", "system.cpus");

    private static final Map<String, String> DESCRIPTIONS = Map.of(
            "tasks.scheduled.execution", "Runs of scheduled methods",
            "tasks.scheduled.execution.active", "Runs of scheduled methods in progress",
            "http.server.requests", "HTTP requests answered, per route, status and owning module",
            "http.server.requests.active", "HTTP requests in progress");

    @Override
    public MeterFilterReply accept(Meter.Id id) {
        boolean replaced = id.getName().equals(COMPILATION_TIME) || id.getName().equals(PROCESS_CPU_TIME);
        return replaced && !"seconds".equals(id.getBaseUnit()) ? MeterFilterReply.DENY : MeterFilterReply.NEUTRAL;
    }

    @Override
    public Meter.Id map(Meter.Id id) {
        var name = RENAMED.getOrDefault(id.getName(), id.getName());
        var description = id.getDescription() != null ? id.getDescription() : DESCRIPTIONS.get(id.getName());
        if (name.equals(id.getName()) && description == id.getDescription()) {
            return id;
        }
        return new Meter.Id(name, Tags.of(id.getTags()), id.getBaseUnit(), description, id.getType());
    }

    /** The two denied time counters, in seconds. */
    @Override
    public void bindTo(MeterRegistry registry) {
        var compilation = ManagementFactory.getCompilationMXBean();
        if (compilation != null && compilation.isCompilationTimeMonitoringSupported()) {
            FunctionCounter.builder(COMPILATION_TIME, compilation, c -> c.getTotalCompilationTime() / 1_000.0)
                    .description("Time the JIT compilers spent compiling")
                    .baseUnit("seconds")
                    .register(registry);
        }
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            FunctionCounter.builder(PROCESS_CPU_TIME, os, o -> o.getProcessCpuTime() / 1_000_000_000.0)
                    .description("CPU time used by the JVM process")
                    .baseUnit("seconds")
                    .register(registry);
        }
    }
}
