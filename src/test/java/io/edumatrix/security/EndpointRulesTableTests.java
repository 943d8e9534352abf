package io.edumatrix.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.edumatrix.platform.testing.Endpoints.Endpoint;
import io.edumatrix.platform.testing.Endpoints;
import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.web.HttpApplicationTest;
import io.edumatrix.platform.web.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The README's table of endpoints and the code say the same: every endpoint the application serves is a row with the
 * rule its access annotation states (actuator operations: the rule the filter chain gives them), and every row is an
 * endpoint served with that rule. Over HTTP, without a token, every endpoint of a row that is not anonymous answers 401,
 * which shows that the filter chain agrees with the annotations.
 */
@HttpApplicationTest
@IntegrationTest
class EndpointRulesTableTests {

    private static final Path README = Path.of("README.md");
    private static final Pattern ROW = Pattern.compile("^\\|\\s*`([A-Z]+) (/[^`]*)`\\s*\\|\\s*([^|]+?)\\s*\\|");

    @Autowired
    private ApplicationContext context;

    @Autowired
    private RestTestClient http;

    /** A row of the README's table: an endpoint and its rule. */
    record Row(String method, String path, String rule) {

        String key() {
            return method + " " + path;
        }
    }

    @Test
    void every_endpoint_is_a_row_of_the_readme_with_the_rule_of_its_annotation_and_every_row_is_an_endpoint() throws IOException {
        var served = Endpoints.of(context).stream()
                .collect(Collectors.toMap(Endpoint::key, Endpoint::rule, (x, y) -> x + " / " + y, TreeMap::new));
        var documented = rows().stream()
                .collect(Collectors.toMap(Row::key, Row::rule, (x, y) -> x + " / " + y, TreeMap::new));

        assertThat(documented).as("the README's endpoints (left) against the served ones (right), by method and path")
                .containsExactlyInAnyOrderEntriesOf(served);
    }

    @TestFactory
    Stream<DynamicTest> without_a_token_every_endpoint_that_is_not_anonymous_answers_401_and_an_anonymous_one_does_not()
            throws IOException {
        return rows().stream().map(row -> dynamicTest(
                "without a token, " + row.key() + " (" + row.rule() + ") answers " + (anonymous(row) ? "anything but 401" : "401"),
                () -> {
                    var response = http.method(HttpMethod.valueOf(row.method())).uri(withIds(row.path())).exchange();
                    if (anonymous(row)) {
                        var status = response.expectBody(String.class).returnResult().getStatus();
                        assertThat(status.value()).as(row.key()).isNotEqualTo(401).isLessThan(500);
                    } else {
                        response.expectHeader().valueMatches(HttpHeaders.WWW_AUTHENTICATE, "Bearer.*");
                        Problem.expect(response, HttpStatus.UNAUTHORIZED, "unauthenticated");
                    }
                }));
    }

    @Test
    void the_readme_table_names_only_rules_that_exist() throws IOException {
        var rules = List.of(io.edumatrix.platform.security.Anonymous.RULE, io.edumatrix.platform.security.Authenticated.RULE,
                io.edumatrix.platform.security.PlatformAdmin.RULE, io.edumatrix.platform.security.InstitutionAdmin.RULE,
                io.edumatrix.platform.security.Staff.RULE, io.edumatrix.platform.security.Member.RULE,
                io.edumatrix.platform.security.MemberOrPlatformAdmin.RULE,
                io.edumatrix.platform.security.InternalCaller.RULE);

        assertThat(rows()).isNotEmpty().extracting(Row::rule).allSatisfy(rule -> assertThat(rules).contains(rule));
    }

    private static boolean anonymous(Row row) {
        return io.edumatrix.platform.security.Anonymous.RULE.equals(row.rule());
    }

    /** The path with each variable replaced by an id that exists nowhere. */
    private static String withIds(String path) {
        return path.replaceAll("\\{\\*[^}]+}", "db").replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
    }

    /** The rows of the table under {@code ## Endpoints}. */
    static List<Row> rows() throws IOException {
        var rows = new ArrayList<Row>();
        var inSection = false;
        for (var line : Files.readAllLines(README)) {
            if (line.startsWith("## ")) {
                inSection = line.strip().equals("## Endpoints");
                continue;
            }
            var row = ROW.matcher(line);
            if (inSection && row.find()) {
                rows.add(new Row(row.group(1), row.group(2), row.group(3)));
            }
        }
        assertThat(rows).as("rows `METHOD /path` | rule | of the table under ## Endpoints in " + README.toAbsolutePath())
                .isNotEmpty();
        return rows;
    }

}
