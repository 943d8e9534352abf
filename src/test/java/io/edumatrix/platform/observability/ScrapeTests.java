package io.edumatrix.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.edumatrix.platform.data.ModuleBeans;
import io.edumatrix.platform.data.ModuleDataAccess;
import io.edumatrix.platform.data.ModuleDatabases;
import io.edumatrix.platform.testing.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The scrape on the management port: every module's pool, with the connections held right now, and its outbox, each
 * tagged with the application and the module; and the scrape is what Prometheus accepts ({@code promtool check
 * metrics}).
 */
@IntegrationTest
@ObservedApplication
class ScrapeTests {

    @Autowired
    private ScrapeServer scrapeServer;
    @Autowired
    private ModuleDatabases modules;
    @Autowired
    private ApplicationContext context;

    @Test
    void holding_nine_of_a_modules_ten_connections_shows_nine_active_of_ten_in_its_pool_lines() throws Exception {
        var pool = context.getBean(ModuleBeans.dataAccess("courses"), ModuleDataAccess.class).pool();
        var held = new ArrayList<Connection>();
        try {
            for (int i = 0; i < 9; i++) {
                held.add(pool.getConnection());
            }
            var courses = Map.of("pool", "courses", "module", "courses", "application", "edumatrix");
            // Hikari refreshes the statistics its gauges read at most once a second.
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                var scrape = Scrape.of(scrapeServer);

                assertThat(scrape.value("hikaricp_connections_active", courses)).isEqualTo(9.0);
                assertThat(scrape.value("hikaricp_connections_max", courses)).isEqualTo(10.0);
                assertThat(scrape.value("hikaricp_connections_active", Map.of("pool", "institutions")))
                        .isLessThan(9.0);
            });
        } finally {
            for (var connection : held) {
                connection.close();
            }
        }
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
                Scrape.of(scrapeServer).value("hikaricp_connections_active", Map.of("pool", "courses"))).isZero());
    }

    @Test
    void every_modules_pool_outbox_and_transactions_are_in_the_scrape_tagged_with_application_and_module()
            throws Exception {
        var scrape = Scrape.of(scrapeServer);
        for (var module : modules.all()) {
            var tags = Map.of("module", module.module(), "application", "edumatrix");
            for (var pool : new String[] {"hikaricp_connections_active", "hikaricp_connections_idle",
                    "hikaricp_connections_pending", "hikaricp_connections_max", "hikaricp_connections_timeout_total",
                    "hikaricp_connections_acquire_seconds_count"}) {
                assertThat(scrape.find(pool, tags)).as("%s of %s", pool, module.module()).hasSize(1);
            }
            for (var outbox : new String[] {"edumatrix_outbox_pending", "edumatrix_outbox_failed",
                    "edumatrix_outbox_oldest_incomplete_seconds"}) {
                assertThat(scrape.value(outbox, tags)).as("%s of %s", outbox, module.module()).isZero();
            }
            assertThat(scrape.find("edumatrix_listener_retries_total", tags)).hasSize(1);
            assertThat(scrape.find("edumatrix_database_outages_total", tags)).hasSize(1);
            assertThat(scrape.value("edumatrix_module_health", tags)).as("health of %s", module.module()).isEqualTo(1.0);
        }
        assertThat(scrape.find("edumatrix_transactions_seconds_count",
                Map.of("module", "institutions", "outcome", "commit"))).hasSize(1);
        assertThat(scrape.samples()).allSatisfy(sample ->
                assertThat(sample.labels()).as(sample.name()).containsEntry("application", "edumatrix"));
    }

    @Test
    void a_schema_change_made_outside_the_migrations_counts_in_its_modules_gauge_and_the_migrations_count_nothing()
            throws Exception {
        var courses = Map.of("module", "courses");
        var before = Scrape.of(scrapeServer);
        assertThat(modules.all()).allSatisfy(module -> assertThat(before.value("edumatrix_schema_changes_outside_migrations",
                Map.of("module", module.module()))).as(module.module()).isZero());

        try (var admin = ObservedDatabase.connectAsAdmin(); var statement = admin.createStatement()) {
            statement.execute("CREATE INDEX outside_the_migrations ON courses.course (title)");
            statement.execute("DROP INDEX courses.outside_the_migrations");
        }

        var after = Scrape.of(scrapeServer);
        assertThat(after.value("edumatrix_schema_changes_outside_migrations", courses)).isEqualTo(2.0);
        assertThat(after.value("edumatrix_schema_changes_outside_migrations", Map.of("module", "institutions"))).isZero();
    }

    @Test
    void the_scrape_passes_promtool_check_metrics() throws Exception {
        var result = Promtool.run(Scrape.of(scrapeServer).text(), "check", "metrics");

        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void the_scrape_port_serves_the_scrape_alone() throws Exception {
        try (var client = HttpClient.newHttpClient()) {
            var response = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + scrapeServer.port() + "/actuator/health")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(404);
        }
    }
}
