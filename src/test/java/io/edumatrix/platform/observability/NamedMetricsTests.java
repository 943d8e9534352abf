package io.edumatrix.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.testing.World;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Neither the alert rules nor the dashboard can drift from the code: every metric their PromQL names is in a scrape of
 * the running application, once it has served the requests that make the security counters.
 */
@IntegrationTest
@ObservedApplication
class NamedMetricsTests {

    /** Written by Prometheus itself for each scrape, not by the application. */
    private static final Set<String> PROMETHEUS_OWN = Set.of("up");

    private static final Set<String> PROMQL_WORDS = Set.of("sum", "max", "min", "avg", "count", "by", "without",
            "rate", "increase", "histogram_quantile", "label_values", "and", "or", "unless", "on", "ignoring",
            "group_left", "group_right", "bool", "offset");

    /** Label matchers and groupings name labels, not metrics; strings and durations name neither. */
    private static final Pattern NOT_METRICS = Pattern.compile(
            "\\{[^}]*}|\\b(?:by|without|on|ignoring)\\s*\\([^)]*\\)|\"(?:[^\"\\\\]|\\\\.)*\"|\\[[^]]*]");
    private static final Pattern IDENTIFIER = Pattern.compile("\\b([a-zA-Z_][a-zA-Z0-9_:]*)\\b(?!\\s*\\()");
    private static final Pattern RULE_EXPRESSION = Pattern.compile("^\\s*expr:\\s*(.+)$", Pattern.MULTILINE);

    @Autowired
    private RestTestClient http;
    @Autowired
    private ScrapeServer scrapeServer;
    @Autowired
    private JsonMapper json;

    @Test
    void every_metric_the_alert_rules_and_the_dashboard_name_is_in_a_scrape_of_the_application() throws Exception {
        makeSecurityEvents();
        var scrape = Scrape.of(scrapeServer);

        var named = new TreeSet<String>();
        named.addAll(metricsOfAlertRules());
        named.addAll(metricsOfDashboard());

        assertThat(named).as("metrics named").contains("hikaricp_connections_active", "edumatrix_outbox_failed",
                "edumatrix_listener_lag_seconds_bucket", "edumatrix_security_lockouts_total",
                "http_server_requests_seconds_count");
        assertThat(named).allSatisfy(metric -> assertThat(scrape.names(metric)).as(metric).isTrue());
    }

    /** One failed login, a lockout, a reused refresh token and a new institution administrator. */
    private void makeSecurityEvents() {
        var world = new World(http);
        var person = world.outsider();
        for (int i = 0; i < 5; i++) {
            http.post().uri("/api/sessions").contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("email", person.email(), "password", "not-the-password"))
                    .exchange().expectStatus().is4xxClientError();
        }
        for (int i = 0; i < 2; i++) {
            http.post().uri("/api/sessions/refresh").contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("refreshToken", person.refreshToken())).exchange();
        }
        world.institution();
        http.get().uri("/api/institutions").exchange().expectStatus().isUnauthorized();
    }

    private static Set<String> metricsOfAlertRules() throws Exception {
        var rules = Files.readString(Promtool.OPS.resolve("alerts.yml"));
        var metrics = new TreeSet<String>();
        RULE_EXPRESSION.matcher(rules).results().forEach(m -> metrics.addAll(metricsOf(m.group(1))));
        return metrics;
    }

    private Set<String> metricsOfDashboard() throws Exception {
        var dashboard = json.readTree(Files.readString(Path.of("ops", "grafana", "edumatrix.json")));
        var metrics = new TreeSet<String>();
        for (var expression : dashboard.findValues("expr")) {
            metrics.addAll(metricsOf(expression.asString()));
        }
        for (var variable : dashboard.path("templating").path("list")) {
            metrics.addAll(metricsOf(variable.path("definition").asString()
                    .replaceFirst("^label_values\\((.*),[^,]*\\)$", "$1")));
        }
        return metrics;
    }

    static Set<String> metricsOf(String promql) {
        var bare = NOT_METRICS.matcher(promql).replaceAll(" ");
        var metrics = new TreeSet<String>();
        IDENTIFIER.matcher(bare).results().map(m -> m.group(1))
                .filter(name -> !PROMQL_WORDS.contains(name) && !PROMETHEUS_OWN.contains(name))
                // A recording rule's name (level:metric:operation) is checked through the rule that records it.
                .filter(name -> !name.contains(":"))
                .forEach(metrics::add);
        return metrics;
    }

    @Test
    void metric_names_are_read_from_promql_without_functions_labels_or_durations() {
        assertThat(metricsOf("histogram_quantile(0.99, sum by (module, le) (rate(a_bucket{module=~\"$module\"}[5m])))"
                + " / max by (pool) (b_max) > 0.8 and up{job=\"x\"} == 0 or rule:c:rate5m"))
                .containsExactly("a_bucket", "b_max");
    }
}
