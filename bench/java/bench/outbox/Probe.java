package bench.outbox;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** What the listeners report: how many events they received and, per event, how long after its publication. */
final class Probe {

    static final AtomicLong delivered = new AtomicLong();
    private static final Map<UUID, Long> publishedAt = new ConcurrentHashMap<>();
    private static final Map<UUID, Long> latencies = new ConcurrentHashMap<>();

    private Probe() {}

    static void reset() {
        delivered.set(0);
        publishedAt.clear();
        latencies.clear();
    }

    static void published(UUID eventId, long nanos) {
        publishedAt.put(eventId, nanos);
    }

    static void received(UUID eventId) {
        var start = publishedAt.get(eventId);
        if (start != null) {
            latencies.put(eventId, System.nanoTime() - start);
        }
        delivered.incrementAndGet();
    }

    /** @return p50 and p99 of the recorded latencies, in milliseconds */
    static double[] percentilesMillis() {
        var sorted = latencies.values().stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        return new double[] {at(sorted, 0.50), at(sorted, 0.99)};
    }

    private static double at(long[] sorted, double quantile) {
        int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1_000_000.0;
    }

    static int recorded() {
        return latencies.size();
    }

}
