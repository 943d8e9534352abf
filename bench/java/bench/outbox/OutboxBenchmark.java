package bench.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Events per second published, delivered and completed through EduMatrix's per-module outbox and through Spring
 * Modulith's stock JDBC registry on one DataSource, alternating rounds in one JVM against one PostgreSQL; then the
 * delivery latency of both at a fixed rate. Run by bench/outbox.sh, which documents the settings.
 */
public final class OutboxBenchmark {

    private static final int EVENTS = Integer.getInteger("bench.events", 5000);
    private static final int PUBLISHERS = Integer.getInteger("bench.publishers", 8);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    private static final int RATE = Integer.getInteger("bench.rate", 1000);
    private static final int RATE_SECONDS = Integer.getInteger("bench.rate-seconds", 20);
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    private OutboxBenchmark() {}

    record Round(double published, double delivered, double completed) {}

    public static void main(String[] args) throws Exception {
        var host = System.getProperty("bench.db.host", "127.0.0.1");
        int port = Integer.getInteger("bench.db.port", 5432);
        var user = System.getProperty("bench.db.user", "postgres");
        var password = System.getProperty("bench.db.password", "");
        var id = Long.toString(ProcessHandle.current().pid());
        try (var outboxDb = BenchDatabase.create(host, port, user, password, "edumatrix_bench_outbox_" + id, "bench" + id + "_");
                var stockDb = BenchDatabase.create(host, port, user, password, "edumatrix_bench_stock_" + id, "");
                var outboxAdmin = outboxDb.connectAsAdmin();
                var stockAdmin = stockDb.connectAsAdmin();
                var outbox = new PerModuleOutbox(outboxDb, outboxAdmin);
                var stock = new StockRegistry(stockDb, 16)) {
            System.out.printf("events per round %d, publishers %d, rounds %d (after one warm-up round each)%n",
                    EVENTS, PUBLISHERS, ROUNDS);
            throughput(outbox, outboxAdmin);
            throughput(stock, stockAdmin);
            var ours = new ArrayList<Round>();
            var theirs = new ArrayList<Round>();
            for (int round = 1; round <= ROUNDS; round++) {
                ours.add(report(round, outbox, throughput(outbox, outboxAdmin)));
                theirs.add(report(round, stock, throughput(stock, stockAdmin)));
            }
            var a = median(ours);
            var b = median(theirs);
            System.out.println();
            System.out.println("median events/s        published   delivered   completed");
            System.out.printf(Locale.ROOT, "%-22s %10.0f  %10.0f  %10.0f%n", outbox.name(), a.published(), a.delivered(), a.completed());
            System.out.printf(Locale.ROOT, "%-22s %10.0f  %10.0f  %10.0f%n", stock.name(), b.published(), b.delivered(), b.completed());
            System.out.printf(Locale.ROOT, "%-22s %10.2f  %10.2f  %10.2f%n", "ratio (outbox/stock)",
                    a.published() / b.published(), a.delivered() / b.delivered(), a.completed() / b.completed());
            System.out.println();
            latency(outbox, outboxAdmin);
            latency(stock, stockAdmin);
        }
    }

    private static Round throughput(BenchTarget target, Connection admin) throws Exception {
        target.clear(admin);
        Probe.reset();
        long start = System.nanoTime();
        try (var publishers = Executors.newFixedThreadPool(PUBLISHERS)) {
            for (int p = 0; p < PUBLISHERS; p++) {
                int share = EVENTS / PUBLISHERS + (p < EVENTS % PUBLISHERS ? 1 : 0);
                publishers.submit(() -> {
                    for (int i = 0; i < share; i++) {
                        target.publishOne();
                    }
                });
            }
        }
        long published = System.nanoTime();
        awaitUntil(() -> Probe.delivered.get() >= EVENTS, target.name() + " delivery");
        long delivered = System.nanoTime();
        awaitUntil(() -> target.completed(admin) >= EVENTS, target.name() + " completion");
        long completed = System.nanoTime();
        return new Round(rate(start, published), rate(start, delivered), rate(start, completed));
    }

    private static void latency(BenchTarget target, Connection admin) throws Exception {
        target.clear(admin);
        Probe.reset();
        int total = RATE * RATE_SECONDS;
        long interval = TimeUnit.SECONDS.toNanos(1) / RATE;
        long start = System.nanoTime();
        try (var publishers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < total; i++) {
                long due = start + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                publishers.submit(target::publishOne);
            }
        }
        double achieved = total / ((System.nanoTime() - start) / 1e9);
        awaitUntil(() -> Probe.delivered.get() >= total, target.name() + " delivery at fixed rate");
        awaitUntil(() -> target.completed(admin) >= total, target.name() + " completion at fixed rate");
        var percentiles = Probe.percentilesMillis();
        System.out.printf(Locale.ROOT, "%-22s at %d events/s (achieved %.0f) for %d s: delivery latency p50 %.2f ms, p99 %.2f ms"
                + " (%d events)%n", target.name(), RATE, achieved, RATE_SECONDS, percentiles[0], percentiles[1], Probe.recorded());
    }

    private static Round report(int round, BenchTarget target, Round result) {
        System.out.printf(Locale.ROOT, "round %d %-22s published %8.0f/s  delivered %8.0f/s  completed %8.0f/s%n",
                round, target.name(), result.published(), result.delivered(), result.completed());
        return result;
    }

    private static Round median(List<Round> rounds) {
        return new Round(median(rounds.stream().mapToDouble(Round::published).toArray()),
                median(rounds.stream().mapToDouble(Round::delivered).toArray()),
                median(rounds.stream().mapToDouble(Round::completed).toArray()));
    }

    private static double median(double[] values) {
        var sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static double rate(long start, long end) {
        return EVENTS / ((end - start) / 1e9);
    }

    interface Condition {
        boolean holds() throws SQLException;
    }

    private static void awaitUntil(Condition condition, String what) throws SQLException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + " did not finish within " + PATIENCE);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }
}
