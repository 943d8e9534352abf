package io.edumatrix.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.testing.World;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * {@code /actuator/health} is UP only while every module's pool reaches the database. A platform administrator sees each
 * pool by name; anyone else, with or without a token, sees the status alone.
 */
@HttpApplicationTest
@IntegrationTest
class ApplicationHealthTests {

    @Autowired
    private RestTestClient http;
    @LocalServerPort
    private int port;

    @Test
    void health_is_up_with_one_entry_per_module_pool_for_a_platform_administrator() {
        new World(http).platformAdmin().client().get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.db.components.institutions.status").isEqualTo("UP")
                .jsonPath("$.components.db.components.courses.status").isEqualTo("UP");
    }

    @Test
    void health_without_a_token_or_for_an_institution_member_is_up_without_any_component() {
        var school = new World(http).institution();
        for (var client : List.of(http, school.admin().client(), school.student().client())) {
            client.get().uri("/actuator/health").exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.status").isEqualTo("UP")
                    .jsonPath("$.components").doesNotExist()
                    .jsonPath("$.details").doesNotExist();
        }
    }

    /** A health group or component path that names nothing is not found, whatever its segments, for anyone. */
    @Test
    void a_health_path_that_names_no_component_is_a_404_problem() {
        var admin = new World(http).platformAdmin().accessToken();
        for (var token : new String[] {admin, null}) {
            var raw = new RawHttp(port, token);
            for (var path : new String[] {"/actuator/health/**/x/y/z", "/actuator/health/**", "/actuator/health/*/x",
                    "/actuator/health/db/**/x", "/actuator/health/nothing/x/y", "/actuator/health/db/nothing/x"}) {
                var response = raw.get(path);

                assertThat(response.status()).as("%s: %s", path, response).isEqualTo(404);
                assertThat(response.isProblem()).as("%s: %s", path, response).isTrue();
            }
        }
    }
}
