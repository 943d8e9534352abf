package io.edumatrix.platform.observability;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import java.util.Map;

/**
 * Brings the libraries' meters in line with Prometheus' naming rules, so the scrape passes {@code promtool check
 * metrics}: units spelled out (Micrometer's JVM and process binders say {@code ms} and {@code ns}), no gauge named
 * like a histogram's {@code _count}, and a help text for the meters that Spring's observations register without one.
 */
final class PrometheusLint implements MeterFilter {

    private static final Map<String, String> UNITS = Map.of("ms", "milliseconds", "ns", "nanoseconds");

    private static final Map<String, String> RENAMED = Map.of("system.cpu.count", "system.cpus");

    private static final Map<String, String> DESCRIPTIONS = Map.of(
            "tasks.scheduled.execution", "Runs of scheduled methods",
            "tasks.scheduled.execution.active", "Runs of scheduled methods in progress",
            "http.server.requests", "HTTP requests answered, per route, status and owning module",
            "http.server.requests.active", "HTTP requests in progress");

    @Override
    public Meter.Id map(Meter.Id id) {
        var unit = id.getBaseUnit() == null ? null : UNITS.getOrDefault(id.getBaseUnit(), id.getBaseUnit());
        var name = RENAMED.getOrDefault(id.getName(), id.getName());
        var description = id.getDescription() != null ? id.getDescription() : DESCRIPTIONS.get(id.getName());
        if (name.equals(id.getName()) && description == id.getDescription()
                && (unit == null || unit.equals(id.getBaseUnit()))) {
            return id;
        }
        return new Meter.Id(name, Tags.of(id.getTags()), unit, description, id.getType());
    }
}
