package io.edumatrix.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.platform.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * {@code ops/prometheus/alerts.yml} is valid and passes its unit tests ({@code alerts.test.yml}), in which every alert
 * fires in one case and stays silent at its threshold in another.
 */
@IntegrationTest
class AlertRulesTests {

    @Test
    void the_alert_rules_are_valid_prometheus_rules() throws Exception {
        var result = Promtool.run("", "check", "rules", Promtool.OPS.resolve("alerts.yml").toString());

        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void every_alert_fires_in_its_test_and_stays_silent_at_its_threshold() throws Exception {
        var result = Promtool.run("", "test", "rules", Promtool.OPS.resolve("alerts.test.yml").toString());

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS");
    }
}
