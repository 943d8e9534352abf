package io.edumatrix.platform.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.platform.data.ModuleDatabases;
import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.web.HttpApplicationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The published API description and the README's endpoint table say the same: every row is an operation of the
 * description with the same method, path and access rule, and every operation is a row. Actuator operations are rows
 * of the table but not part of the description (the actuator describes itself). Swagger UI, for anyone, lists one
 * group per module.
 */
@IntegrationTest
@HttpApplicationTest
class ApiDescriptionTests {

    private static final Pattern ROW = Pattern.compile("^\\|\\s*`([A-Z]+) (/[^`]*)`\\s*\\|\\s*([^|]+?)\\s*\\|");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    @Autowired
    private RestTestClient http;
    @Autowired
    private JsonMapper json;
    @Autowired
    private ModuleDatabases modules;

    @Test
    void every_readme_row_is_an_operation_of_the_description_with_its_access_rule_and_every_operation_is_a_row()
            throws IOException {
        var described = new TreeMap<String, String>();
        for (var group : groups()) {
            operations(group).forEach(operation -> described.merge(operation.key(), operation.rule(), (a, b) -> a + " / " + b));
        }

        assertThat(readmeRows()).as("the README's endpoints (left) against the described ones (right)")
                .containsExactlyInAnyOrderEntriesOf(described);
    }

    @Test
    void every_operation_states_its_problem_types_and_one_that_needs_a_token_its_401_and_the_bearer_scheme() {
        for (var group : groups()) {
            var document = document(group);
            for (var operation : operationsOf(document)) {
                var node = operation.node();
                assertThat(node.path(AccessRuleOperations.PROBLEM_TYPES).size()).as(operation.key()).isPositive();
                assertThat(node.path("responses").has("503")).as(operation.key()).isTrue();
                assertThat(node.path("description").asString()).as(operation.key())
                        .startsWith("Access: " + operation.rule() + ".");
                if (!operation.rule().equals("anonymous")) {
                    assertThat(node.path("responses").has("401")).as(operation.key()).isTrue();
                    assertThat(node.path("security").toString()).as(operation.key()).contains(OpenApiConfiguration.BEARER);
                }
            }
        }
    }

    @Test
    void swagger_ui_is_served_to_anyone_and_lists_one_group_per_module_and_the_platform() {
        http.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection()
                .expectHeader().valueMatches(HttpHeaders.LOCATION, ".*/swagger-ui/index.html");
        http.get().uri("/swagger-ui/index.html").exchange().expectStatus().isOk();

        var expected = new ArrayList<>(modules.all().stream().map(m -> m.module()).toList());
        expected.add(ModuleApiGroups.PLATFORM);
        assertThat(groups()).containsExactlyInAnyOrderElementsOf(expected);
    }

    private record Operation(String key, String rule, JsonNode node) {}

    private List<String> groups() {
        var config = json.readTree(http.get().uri("/v3/api-docs/swagger-config").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
        var names = new ArrayList<String>();
        config.path("urls").forEach(url -> names.add(url.path("name").asString()));
        return names;
    }

    private JsonNode document(String group) {
        return json.readTree(http.get().uri("/v3/api-docs/" + group).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
    }

    private List<Operation> operations(String group) {
        return operationsOf(document(group));
    }

    private static List<Operation> operationsOf(JsonNode document) {
        var operations = new ArrayList<Operation>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
            if (METHODS.contains(method.getKey())) {
                operations.add(new Operation(method.getKey().toUpperCase() + " " + path.getKey(),
                        method.getValue().path(AccessRuleOperations.ACCESS_RULE).asString(), method.getValue()));
            }
        }));
        return operations;
    }

    private static Map<String, String> readmeRows() throws IOException {
        var rows = new TreeMap<String, String>();
        for (var line : Files.readAllLines(Path.of("README.md"))) {
            var row = ROW.matcher(line);
            if (row.find() && !row.group(2).startsWith("/actuator")) {
                rows.merge(row.group(1) + " " + row.group(2), row.group(3), (a, b) -> a + " / " + b);
            }
        }
        return rows;
    }
}
