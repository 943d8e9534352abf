package io.edumatrix.platform.web;

import static io.edumatrix.platform.testing.World.uniqueCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.testing.World;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Whatever a client sends, a mistake of the client is a 4xx problem, never a 5xx: the server's own failures must stay
 * recognisable as such. Requests are sent byte for byte, as a careless or hostile client could send them.
 */
@HttpApplicationTest
@IntegrationTest
class BadInputTests {

    private static final String NUL = "\\u0000";
    private static final String LONE_HIGH_SURROGATE = "\\ud800";
    private static final String LONE_LOW_SURROGATE = "\\udc00";

    @LocalServerPort
    private int port;
    @Autowired
    private RestTestClient client;

    private RawHttp http;

    /** As a platform administrator, who may register institutions: bad input is refused before any rule applies. */
    @BeforeEach
    void connect() {
        http = new RawHttp(port, new World(client).platformAdmin().accessToken());
    }

    @Test
    void a_query_parameter_whose_percent_encoding_is_not_utf8_is_a_400_problem() {
        for (var path : new String[] {"/api/courses?institutionId=%ff%fe", "/api/institutions?after=%ff%fe",
                "/api/institutions?limit=%c3%28", "/api/institutions?%ff=1"}) {
            var response = http.get(path);

            assertThat(response.status()).as("%s: %s", path, response).isEqualTo(400);
            assertThat(response.isProblem()).as("%s: %s", path, response).isTrue();
            assertThat(response.problem().type()).as(path).hasToString("https://edumatrix.io/problems/malformed-request");
        }
    }

    @Test
    void a_nul_character_in_any_json_string_is_a_400_invalid_request_naming_the_field() {
        var patch = http.patch("/api/courses/" + UUID.randomUUID(), "{\"title\":\"a" + NUL + "b\"}");
        var post = http.post("/api/institutions", "{\"name\":\"" + NUL + "\",\"code\":\"" + uniqueCode("B") + "\"}");

        assertInvalidField(patch, "title");
        assertInvalidField(post, "name");
        assertThat(patch.problem().errors().getFirst().message()).contains("NUL");
    }

    @Test
    void an_unpaired_surrogate_in_any_json_string_is_a_400_invalid_request_naming_the_field() {
        for (var surrogate : new String[] {LONE_HIGH_SURROGATE, LONE_LOW_SURROGATE, "\\udc00\\ud800"}) {
            var response = http.post("/api/institutions",
                    "{\"name\":\"x" + surrogate + "y\",\"code\":\"" + uniqueCode("B") + "\"}");

            assertInvalidField(response, "name");
        }
    }

    @Test
    void a_paired_surrogate_is_a_character_like_any_other_and_reads_back_unchanged() {
        var created = http.post("/api/institutions", "{\"name\":\"Emoji \\ud83c\\udf93 University\",\"code\":\"" + uniqueCode("B") + "\"}");

        assertThat(created.status()).as("%s", created).isEqualTo(201);
        assertThat(http.get("/api/institutions/" + created.field("id")).field("name")).isEqualTo("Emoji \uD83C\uDF93 University");
    }

    /** Tolerant reading, as for events: a client built against a newer version of the API still works. */
    @Test
    void an_unknown_field_is_ignored() {
        var created = http.post("/api/institutions",
                "{\"name\":\"Tolerant University\",\"code\":\"" + uniqueCode("B") + "\",\"motto\":\"ignored\"}");

        assertThat(created.status()).as("%s", created).isEqualTo(201);
    }

    @Test
    void a_path_segment_that_is_no_uuid_is_a_400_invalid_request_naming_it() {
        assertInvalidField(http.get("/api/courses/not-a-uuid"), "id");
        assertInvalidField(http.get("/api/institutions/" + "9".repeat(1000)), "id");
    }

    /** Tomcat refuses these before the application sees them; its error report is a problem too. */
    @Test
    void a_path_that_does_not_decode_or_holds_a_nul_is_a_400_malformed_request() {
        for (var path : new String[] {"/api/institutions/%ff%fe", "/api/institutions/%00", "/api/courses/%c3%28"}) {
            var response = http.get(path);

            assertThat(response.status()).as("%s: %s", path, response).isEqualTo(400);
            assertThat(response.isProblem()).as("%s: %s", path, response).isTrue();
            assertThat(response.problem().type()).as(path).hasToString("https://edumatrix.io/problems/malformed-request");
        }
    }

    /**
     * The security firewall checks parameter names only when they are first read, which for a form body is deep inside
     * Spring MVC; its refusal is the client's fault there as anywhere.
     */
    @Test
    void a_form_parameter_name_with_a_control_character_is_a_400_invalid_request_naming_it() {
        for (var body : new String[] {"a%00b=1", "%07=x", "{\"name\":\"a\u0000b\"}"}) {
            for (var path : new String[] {"/api/sessions/institution", "/api/institutions"}) {
                var response = http.send("POST", path, "application/x-www-form-urlencoded", body);

                assertThat(response.status()).as("%s %s: %s", path, body, response).isEqualTo(400);
                assertThat(response.isProblem()).as("%s %s: %s", path, body, response).isTrue();
                assertThat(response.problem().type()).as(path).hasToString("https://edumatrix.io/problems/invalid-request");
                assertThat(response.problem().rejectedFields()).as("%s %s", path, body)
                        .containsExactly(java.net.URLDecoder.decode(body.split("=")[0], StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void a_page_size_that_is_no_number_negative_or_beyond_an_int_is_a_400_invalid_request_naming_the_limit() {
        for (var limit : new String[] {"abc", "-1", "99999999999", "1.5", "%00"}) {
            assertInvalidField(http.get("/api/institutions?limit=" + limit), "limit");
        }
    }

    @TestFactory
    Stream<DynamicTest> every_kind_of_malformed_body_or_request_is_a_4xx_problem() {
        var course = "/api/courses/" + UUID.randomUUID();
        return Stream.of(
                bad("broken JSON", h -> h.post("/api/institutions", "{\"name\":")),
                bad("JSON null as the body", h -> h.post("/api/institutions", "null")),
                bad("an empty body", h -> h.post("/api/institutions", "")),
                bad("no body at all", h -> h.send("POST", "/api/institutions", "application/json", (byte[]) null)),
                bad("an array where an object is expected", h -> h.post("/api/institutions", "[]")),
                bad("an array where a string is expected", h -> h.post("/api/institutions", "{\"name\":[\"a\"],\"code\":\"AB\"}")),
                bad("an object where a string is expected", h -> h.patch(course, "{\"title\":{\"a\":1}}")),
                bad("a string of two million characters", h -> h.patch(course, "{\"title\":\"" + "x".repeat(2_000_000) + "\"}")),
                bad("a number of five thousand digits", h -> h.post("/api/institutions",
                        "{\"name\":\"N\",\"code\":\"AB\",\"size\":" + "9".repeat(5_000) + "}")),
                bad("a number far beyond any type where a string is expected", h -> h.patch(course,
                        "{\"title\":" + "9".repeat(5_000) + "}")),
                bad("JSON nested ten thousand deep", h -> h.post("/api/institutions",
                        "{\"name\":\"N\",\"code\":\"AB\",\"deep\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}")),
                bad("a body that is not UTF-8", h -> h.send("POST", "/api/institutions", "application/json",
                        notUtf8("{\"name\":\"", "\",\"code\":\"AB\"}"))),
                bad("text/plain instead of JSON", h -> h.send("POST", "/api/institutions", "text/plain", "{\"name\":\"N\"}")),
                bad("a content type that does not parse", h -> h.send("POST", "/api/institutions", "application/json;;==", "{}")),
                bad("a charset nobody knows", h -> h.send("POST", "/api/institutions", "application/json;charset=klingon",
                        "{\"name\":\"N\",\"code\":\"AB\"}")),
                bad("a method the path does not have", h -> h.send("DELETE", "/api/institutions", null, (byte[]) null)),
                bad("a path that does not exist", h -> h.get("/api/nothing-here")));
    }

    private DynamicTest bad(String name, Function<RawHttp, RawHttp.Response> request) {
        return dynamicTest(name, () -> {
            var response = request.apply(http);
            assertThat(response.status()).as("%s: %s", name, response).isBetween(400, 499);
            assertThat(response.isProblem()).as("%s is a problem: %s", name, response).isTrue();
        });
    }

    private static void assertInvalidField(RawHttp.Response response, String field) {
        assertThat(response.status()).as("%s", response).isEqualTo(400);
        assertThat(response.isProblem()).as("%s", response).isTrue();
        var problem = response.problem();
        assertThat(problem.type()).hasToString("https://edumatrix.io/problems/invalid-request");
        assertThat(problem.rejectedFields()).containsExactly(field);
    }

    /** The two parts around bytes that can start no UTF-8 sequence. */
    private static byte[] notUtf8(String before, String after) {
        var bytes = new ByteArrayOutputStream();
        bytes.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(new byte[] {(byte) 0xff, (byte) 0xfe});
        bytes.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }
}
