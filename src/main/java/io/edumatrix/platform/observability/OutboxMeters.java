package io.edumatrix.platform.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;

/**
 * One module's outbox as three gauges: {@code edumatrix.outbox.pending} (publications not yet completed, not failed),
 * {@code edumatrix.outbox.failed} and {@code edumatrix.outbox.oldest.incomplete} (the age of the oldest publication
 * not completed, failed ones included; 0 when there is none). The outbox lives in the database, shared by every
 * instance, so it is read there; one reading serves the three gauges until it is older than {@code refresh}.
 */
final class OutboxMeters {

    static final String PENDING = "edumatrix.outbox.pending";
    static final String FAILED = "edumatrix.outbox.failed";
    static final String OLDEST_INCOMPLETE = "edumatrix.outbox.oldest.incomplete";

    private static final String READING = """
            SELECT count(*) FILTER (WHERE status <> 'FAILED') AS pending,
                   count(*) FILTER (WHERE status = 'FAILED') AS failed,
                   coalesce(extract(EPOCH FROM now() - min(publication_date)), 0) AS oldest_seconds
            FROM event_publication WHERE completion_date IS NULL""";

    private record Reading(long pending, long failed, double oldestSeconds, Instant at) {}

    private final NamedParameterJdbcOperations jdbc;
    private final Duration refresh;
    private final Clock clock;
    private Reading last = new Reading(0, 0, 0, Instant.MIN);

    OutboxMeters(String module, NamedParameterJdbcOperations jdbc, Duration refresh, Clock clock, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.refresh = refresh;
        this.clock = clock;
        Gauge.builder(PENDING, this, meters -> meters.reading().pending())
                .description("Publications of the module's outbox not yet completed and not failed")
                .tag("module", module)
                .strongReference(true)
                .register(registry);
        Gauge.builder(FAILED, this, meters -> meters.reading().failed())
                .description("Publications of the module's outbox marked failed, waiting for resubmission")
                .tag("module", module)
                .strongReference(true)
                .register(registry);
        TimeGauge.builder(OLDEST_INCOMPLETE, this, TimeUnit.SECONDS, meters -> meters.reading().oldestSeconds())
                .description("Age of the oldest incomplete publication of the module's outbox")
                .tag("module", module)
                .strongReference(true)
                .register(registry);
    }

    private synchronized Reading reading() {
        var now = clock.instant();
        if (last.at().plus(refresh).isAfter(now)) {
            return last;
        }
        last = jdbc.getJdbcOperations().queryForObject(READING, (row, n) -> new Reading(row.getLong("pending"),
                row.getLong("failed"), row.getDouble("oldest_seconds"), now));
        return last;
    }
}
