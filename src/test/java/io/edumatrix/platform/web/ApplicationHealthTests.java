package io.edumatrix.platform.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

/** {@code /actuator/health} is UP only while every module's pool reaches the database, and shows each by name. */
@HttpApplicationTest
class ApplicationHealthTests {

    @Autowired
    private RestTestClient http;

    @Test
    void health_is_up_with_one_entry_per_module_pool() {
        http.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.db.components.institutions.status").isEqualTo("UP")
                .jsonPath("$.components.db.components.courses.status").isEqualTo("UP");
    }
}
