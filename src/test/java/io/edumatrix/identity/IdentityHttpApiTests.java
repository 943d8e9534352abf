package io.edumatrix.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.identity.internal.Views.TokenPair;
import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.web.HttpApplicationTest;
import io.edumatrix.platform.web.Problem;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The anonymous identity endpoints over real HTTP: sign-up, login and refresh. */
@HttpApplicationTest
@IntegrationTest
class IdentityHttpApiTests {

    private static final String PASSWORD = "correct horse battery";

    @Autowired
    private RestTestClient http;

    @Test
    void signing_up_returns_201_with_the_account_and_its_location() {
        var email = "Sign.Up-" + UUID.randomUUID() + "@Example.org";

        var created = post("/api/accounts", Map.of("email", email, "password", PASSWORD, "displayName", " Ada "))
                .expectStatus().isCreated()
                .expectBody(AccountView.class).returnResult();

        var account = created.getResponseBody();
        assertThat(account.id().version()).isEqualTo(7);
        assertThat(account.email()).isEqualTo(email);
        assertThat(account.displayName()).isEqualTo("Ada");
        assertThat(created.getResponseHeaders().getLocation()).hasToString("/api/accounts/" + account.id());
    }

    @Test
    void a_sign_up_with_a_malformed_email_and_no_display_name_is_a_400_problem_naming_both() {
        var problem = Problem.expect(post("/api/accounts", Map.of("email", "not-an-email", "password", PASSWORD,
                "displayName", " ")), HttpStatus.BAD_REQUEST, "invalid-request");

        assertThat(problem.rejectedFields()).containsExactlyInAnyOrder("email", "displayName");
    }

    @Test
    void a_login_answers_a_bearer_access_token_and_a_refresh_token_which_refreshes_into_a_new_pair() {
        var email = "login-" + UUID.randomUUID() + "@example.org";
        post("/api/accounts", Map.of("email", email, "password", PASSWORD, "displayName", "Login")).expectStatus()
                .isCreated();

        var pair = post("/api/sessions", Map.of("email", email, "password", PASSWORD))
                .expectStatus().isOk()
                .expectBody(TokenPair.class).returnResult().getResponseBody();
        var refreshed = post("/api/sessions/refresh", Map.of("refreshToken", pair.refreshToken()))
                .expectStatus().isOk()
                .expectBody(TokenPair.class).returnResult().getResponseBody();

        assertThat(pair.accessToken().split("\\.")).hasSize(3);
        assertThat(pair.expiresIn()).isEqualTo(900);
        assertThat(pair.tokenType()).isEqualTo("Bearer");
        assertThat(refreshed.refreshToken()).isNotEqualTo(pair.refreshToken());
        assertThat(refreshed.accessToken()).isNotEqualTo(pair.accessToken());
    }

    @Test
    void a_login_without_a_password_is_a_400_problem() {
        var problem = Problem.expect(post("/api/sessions", Map.of("email", "someone@example.org")),
                HttpStatus.BAD_REQUEST, "invalid-request");

        assertThat(problem.rejectedFields()).containsExactly("password");
    }

    private RestTestClient.ResponseSpec post(String path, Object body) {
        return http.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }

    record AccountView(UUID id, String email, String displayName) {}

    record TokenPair(String accessToken, String refreshToken, long expiresIn, String tokenType) {}
}
