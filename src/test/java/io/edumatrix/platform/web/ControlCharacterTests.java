package io.edumatrix.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.testing.World;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * A control character in a query parameter is a 400 {@code invalid-request} naming the parameter, whatever the handler
 * and whatever the parameter's type: text parameters that would reach PostgreSQL (which refuses NUL) included. None of
 * the API's parameters is multi-line, so tab, CR and LF are refused like the rest. The same holds for path variables,
 * except that NUL, CR and LF make the path itself malformed: Spring Security's firewall refuses them before any handler
 * is mapped.
 */
@HttpApplicationTest
@IntegrationTest
class ControlCharacterTests {

    @LocalServerPort
    private int port;
    @Autowired
    private RestTestClient client;

    private RawHttp admin;
    private RawHttp student;

    @BeforeEach
    void connect() {
        var world = new World(client);
        admin = new RawHttp(port, world.platformAdmin().accessToken());
        student = new RawHttp(port, world.institution().student().accessToken());
    }

    @Test
    void a_nul_in_a_text_query_parameter_is_a_400_naming_it_not_a_500() {
        assertRejected(student.get("/api/jobs?q=%00"), "q");
        assertRejected(student.get("/api/jobs?q=a%00b"), "q");
        assertRejected(admin.get("/api/audit?entity=course&id=%00"), "id");
    }

    @Test
    void every_c0_control_and_del_in_a_query_parameter_is_refused_tab_cr_and_lf_included() {
        for (int c = 1; c < 0x20; c++) {
            assertRejected(student.get("/api/jobs?q=a%%%02Xb".formatted(c)), "q");
        }
        assertRejected(student.get("/api/jobs?q=a%7Fb"), "q");
    }

    @Test
    void a_control_character_in_a_parameter_name_is_refused_by_name() {
        var response = student.get("/api/jobs?a%01b=1");

        assertThat(response.status()).as("%s", response).isEqualTo(400);
        assertThat(response.problem().type()).hasToString("https://edumatrix.io/problems/invalid-request");
        assertThat(response.problem().rejectedFields()).containsExactly("a\u0001b");
    }

    @Test
    void a_control_character_in_a_path_variable_is_a_400_naming_the_variable_whatever_its_type() {
        assertRejected(student.get("/api/courses/%1F"), "id");
        assertRejected(student.get("/api/jobs/" + UUID.randomUUID() + "%7F"), "id");
        assertRejected(admin.send("POST", "/api/admin/keys/cour%09ses/rotation", null, (byte[]) null), "module");
    }

    @Test
    void nul_cr_and_lf_in_the_path_are_refused_before_any_handler_as_a_malformed_request() {
        for (var path : new String[] {"/api/courses/%00", "/api/courses/%0D", "/api/jobs/" + UUID.randomUUID() + "%0A"}) {
            var response = student.get(path);

            assertThat(response.status()).as("%s: %s", path, response).isEqualTo(400);
            assertThat(response.isProblem()).as("%s: %s", path, response).isTrue();
            assertThat(response.problem().type()).as("%s: %s", path, response)
                    .hasToString("https://edumatrix.io/problems/malformed-request");
        }
    }

    @Test
    void printable_text_and_non_ascii_letters_still_pass() {
        assertThat(student.get("/api/jobs?q=caf%C3%A9%20%F0%9F%8E%93").status()).isEqualTo(200);
    }

    private static void assertRejected(RawHttp.Response response, String parameter) {
        assertThat(response.status()).as("%s", response).isEqualTo(400);
        assertThat(response.isProblem()).as("%s", response).isTrue();
        assertThat(response.problem().type()).as("%s", response)
                .hasToString("https://edumatrix.io/problems/invalid-request");
        assertThat(response.problem().rejectedFields()).as("%s", response).containsExactly(parameter);
        assertThat(response.problem().errors().getFirst().message()).contains("control character");
    }
}
