package bench.split;

import io.edumatrix.architecture.ConfiguredModules;
import io.edumatrix.jobs.JobPosted;
import io.edumatrix.platform.data.ApplicationLaunch;
import io.edumatrix.platform.data.ModuleBeans;
import io.edumatrix.platform.testing.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The jobs module's JobPosted events, published in jobs transactions by several threads: how many per second complete
 * (a) in one process, through the in-process outbox to the statistics listener, and (b) with jobs in a process of its
 * own, through the externalizer to the broker (completed on the broker's acknowledgement) and on to the statistics
 * listener in the other process. Then the delay from an event's occurrence to its processing by the statistics
 * listener (its inbox row), p50 and p99, in both. Run by bench/split.sh.
 */
public final class ExternalizerBenchmark {

    private static final int EVENTS = Integer.getInteger("bench.events", 2000);
    private static final int PUBLISHERS = Integer.getInteger("bench.publishers", 8);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    private static final Duration PATIENCE = Duration.ofMinutes(5);
    private static final String STATISTICS_LISTENER = "%JobsListeners.on(io.edumatrix.jobs.JobPosted)";

    private ExternalizerBenchmark() {}

    public static void main(String[] args) throws Exception {
        var database = TestDatabase.get();
        var broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.afterPropertiesSet();
        System.out.printf("events per round %d, publishers %d, rounds %d (after one warm-up round each)%n", EVENTS,
                PUBLISHERS, ROUNDS);
        try (var admin = database.connectAsAdmin()) {
            try (var single = ApplicationLaunch.onTestDatabase().with("edumatrix.database.instances", 3).start()) {
                run("in-process outbox", single, single, admin);
            }
            var portA = freePort();
            var portB = freePort();
            var others = ConfiguredModules.names().stream().filter(m -> !m.equals("jobs")).toList();
            var launchB = ApplicationLaunch.onTestDatabase().overHttp().with("server.port", portB)
                    .with("edumatrix.modules", "jobs").with("edumatrix.database.instances", 3)
                    .with("spring.kafka.bootstrap-servers", broker.getBrokersAsString());
            others.forEach(m -> launchB.with("edumatrix.remote." + m + ".url", "http://127.0.0.1:" + portA));
            var clientKey = io.edumatrix.platform.testing.ServiceClientKeyPair.generate();
            launchB.with("edumatrix.service-client.name", "process-b")
                    .with("edumatrix.service-client.private-key", clientKey.privatePem());
            try (var b = launchB.start();
                    var a = ApplicationLaunch.onTestDatabase().overHttp().with("server.port", portA)
                            .with("edumatrix.modules", String.join(",", others))
                            .with("edumatrix.remote.jobs.url", "http://127.0.0.1:" + portB)
                            .with("edumatrix.identity.service-clients.process-b.public-key", clientKey.publicPem())
                            .with("edumatrix.database.instances", 3)
                            .with("spring.kafka.bootstrap-servers", broker.getBrokersAsString()).start()) {
                run("externalizer (Kafka)", b, a, admin);
            }
        } finally {
            broker.destroy();
        }
    }

    /** Publishes at {@code publisher}, where jobs runs; the statistics listener runs at {@code listener}. */
    private static void run(String name, ConfigurableApplicationContext publisher, ConfigurableApplicationContext listener,
            Connection admin) throws Exception {
        round(name + " warm-up", publisher, admin);
        var completed = new double[ROUNDS];
        var processed = new double[ROUNDS];
        var p50 = new double[ROUNDS];
        var p99 = new double[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            var result = round(name + " round " + (r + 1), publisher, admin);
            completed[r] = result[0];
            processed[r] = result[1];
            p50[r] = result[2];
            p99[r] = result[3];
        }
        System.out.printf(Locale.ROOT, "MEDIAN %-22s completed %7.0f events/s, processed by statistics %7.0f events/s,"
                + " delay p50 %6.1f ms, p99 %6.1f ms%n", name, median(completed), median(processed), median(p50),
                median(p99));
    }

    /** completed/s at the publisher, processed/s at the statistics listener, delay p50 and p99 in ms. */
    private static double[] round(String name, ConfigurableApplicationContext publisher, Connection admin)
            throws Exception {
        var institution = UUID.randomUUID();
        var transactions = new TransactionTemplate(publisher.getBean(ModuleBeans.transactionManager("jobs"),
                PlatformTransactionManager.class));
        long start = System.nanoTime();
        try (var publishers = Executors.newFixedThreadPool(PUBLISHERS)) {
            for (int p = 0; p < PUBLISHERS; p++) {
                int share = EVENTS / PUBLISHERS + (p < EVENTS % PUBLISHERS ? 1 : 0);
                publishers.submit(() -> {
                    for (int i = 0; i < share; i++) {
                        transactions.executeWithoutResult(status -> publisher.publishEvent(
                                JobPosted.of(institution, UUID.randomUUID(), UUID.randomUUID())));
                    }
                });
            }
        }
        awaitCount(admin, "SELECT count(*) FROM jobs.event_publication WHERE completion_date IS NOT NULL"
                + " AND serialized_event LIKE '%" + institution + "%'", EVENTS);
        long completed = System.nanoTime();
        var inbox = "FROM statistics.event_inbox i JOIN jobs.event_publication p"
                + " ON p.serialized_event::json->>'eventId' = i.event_id::text AND p.listener_id LIKE '"
                + (name.startsWith("in-process") ? STATISTICS_LISTENER : "edumatrix.externalizer") + "'"
                + " WHERE i.listener_id LIKE '" + STATISTICS_LISTENER + "' AND p.serialized_event LIKE '%" + institution
                + "%'";
        awaitCount(admin, "SELECT count(*) " + inbox, EVENTS);
        long processed = System.nanoTime();
        double[] delays;
        try (var statement = admin.createStatement(); var rows = statement.executeQuery("SELECT"
                + " percentile_cont(0.5) WITHIN GROUP (ORDER BY d), percentile_cont(0.99) WITHIN GROUP (ORDER BY d)"
                + " FROM (SELECT extract(EPOCH FROM i.processed_at - (p.serialized_event::json->>'occurredAt')"
                + "::timestamptz) * 1000 AS d " + inbox + ") delays")) {
            rows.next();
            delays = new double[] {rows.getDouble(1), rows.getDouble(2)};
        }
        var result = new double[] {EVENTS / seconds(start, completed), EVENTS / seconds(start, processed), delays[0],
                delays[1]};
        System.out.printf(Locale.ROOT, "%-34s completed %7.0f/s  processed %7.0f/s  delay p50 %6.1f ms  p99 %6.1f ms%n",
                name, result[0], result[1], result[2], result[3]);
        return result;
    }

    private static void awaitCount(Connection admin, String query, long expected) throws SQLException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            try (var statement = admin.createStatement(); var rows = statement.executeQuery(query)) {
                rows.next();
                if (rows.getLong(1) >= expected) {
                    return;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Not done within " + PATIENCE + ": " + query);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    private static double seconds(long start, long end) {
        return (end - start) / 1e9;
    }

    private static double median(double[] values) {
        var sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
