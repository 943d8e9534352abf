package bench.outbox;

import io.edumatrix.institutions.InstitutionRegistered;
import io.edumatrix.platform.Ids;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.transaction.support.TransactionTemplate;

/** Spring Modulith's stock JDBC registry on one DataSource, with the same event and the same listener work. */
final class StockRegistry implements BenchTarget {

    private final ConfigurableApplicationContext context;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher publisher;

    StockRegistry(BenchDatabase database, int poolSize) {
        this.context = new SpringApplicationBuilder(StockApplication.class)
                .web(WebApplicationType.NONE)
                .properties(Map.ofEntries(
                        Map.entry("spring.config.name", "stock-registry-bench"),
                        Map.entry("spring.datasource.url", database.jdbcUrl()),
                        Map.entry("spring.datasource.username", database.adminUser()),
                        Map.entry("spring.datasource.password", database.adminPassword()),
                        Map.entry("spring.datasource.hikari.maximum-pool-size", poolSize),
                        Map.entry("spring.modulith.events.jdbc.schema-initialization.enabled", true),
                        // Listeners on 8 platform threads with an unbounded queue, as EduMatrix's listener executor.
                        Map.entry("spring.threads.virtual.enabled", false),
                        Map.entry("spring.task.execution.pool.core-size", 8),
                        Map.entry("spring.autoconfigure.exclude",
                                "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration"),
                        Map.entry("logging.level.root", "warn")))
                .run();
        context.getBean(JdbcTemplate.class).execute(
                "CREATE TABLE IF NOT EXISTS bench_effect (event_id uuid PRIMARY KEY, received_at timestamptz NOT NULL)");
        this.transaction = context.getBean(TransactionTemplate.class);
        this.publisher = context;
    }

    @Override
    public String name() {
        return "stock JDBC registry";
    }

    @Override
    public void publishOne() {
        var event = InstitutionRegistered.of(Ids.next(), "Bench", "BENCH");
        Probe.published(event.eventId(), System.nanoTime());
        transaction.executeWithoutResult(status -> publisher.publishEvent(event));
    }

    @Override
    public long completed(Connection admin) throws SQLException {
        return BenchDatabase.count(admin, "SELECT count(*) FROM event_publication WHERE completion_date IS NOT NULL");
    }

    @Override
    public void clear(Connection admin) throws SQLException {
        try (var statement = admin.createStatement()) {
            statement.execute("TRUNCATE event_publication, bench_effect");
        }
    }

    @Override
    public void close() {
        context.close();
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(StockListener.class)
    static class StockApplication {}

    static class StockListener {

        private final JdbcTemplate jdbc;

        StockListener(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @ApplicationModuleListener
        void on(InstitutionRegistered event) {
            Probe.received(event.eventId());
            jdbc.update("INSERT INTO bench_effect (event_id, received_at) VALUES (?, now())", event.eventId());
        }
    }
}
