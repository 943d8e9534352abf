package io.edumatrix.identity.internal.twofactor;

import static io.edumatrix.platform.testing.Api.post;
import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.platform.testing.Api;
import io.edumatrix.platform.testing.Erasures;
import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.testing.Sql;
import io.edumatrix.platform.testing.TestIdentityProvider;
import io.edumatrix.platform.testing.TestIdentityProvider.Person;
import io.edumatrix.platform.testing.World;
import io.edumatrix.platform.web.HttpApplicationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * An erased account leaves nothing of its account security behind: its linked provider identity, its TOTP secret,
 * recovery codes and login challenges, and its mailed verification and reset tokens are deleted with it.
 */
@HttpApplicationTest
@IntegrationTest
class AccountSecurityErasureTests {

    private static final String[] TABLES = {"account_token", "totp_credential", "totp_recovery_code",
        "second_factor_challenge", "linked_identity"};

    @Autowired
    private RestTestClient http;

    @Test
    void erasure_removes_linked_identities_totp_secrets_recovery_codes_challenges_and_mailed_tokens() throws Exception {
        var email = "erased-" + UUID.randomUUID() + "@edumatrix.test";
        TestIdentityProvider.nextLogin(new Person(UUID.randomUUID().toString(), email, true, "Soon gone"));
        var me = new World(http).bearer(signInWithProvider());
        var accountId = Api.id(Api.read(me, "/api/accounts/me"));
        var secret = (String) Api.ok(me.post().uri("/api/accounts/me/totp").exchange()).get("secret");
        Api.ok(post(me, "/api/accounts/me/totp/confirmation",
                Map.of("code", Totp.code(secret, Totp.stepAt(Instant.now())))));
        post(http, "/api/password-resets", Map.of("email", email)).expectStatus().isAccepted();
        post(http, "/api/sessions", Map.of("email", email, "password", "not known to anyone")).expectStatus()
                .isUnauthorized();
        for (var table : TABLES) {
            if (!table.equals("second_factor_challenge")) {
                assertThat(rowsOf(table, accountId)).as(table + " before").isPositive();
            }
        }

        Erasures.erase(new World(http).platformAdmin().client(), accountId);

        for (var table : TABLES) {
            assertThat(rowsOf(table, accountId)).as(table + " after the erasure").isZero();
        }
    }

    private static long rowsOf(String table, UUID accountId) {
        return Sql.count("SELECT count(*) FROM identity." + table + " WHERE account_id = ?", accountId);
    }

    private String signInWithProvider() throws Exception {
        var start = Api.ok(http.post().uri("/api/sessions/oidc/" + TestIdentityProvider.REGISTRATION).exchange());
        try (var browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()) {
            var response = browser.send(HttpRequest.newBuilder(URI.create((String) start.get("authorizationUri")))
                    .GET().build(), HttpResponse.BodyHandlers.discarding());
            var query = UriComponentsBuilder.fromUriString(response.headers().firstValue("Location").orElseThrow())
                    .build().getQueryParams();
            return (String) Api.ok(post(http, "/api/sessions/oidc/" + TestIdentityProvider.REGISTRATION + "/callback",
                    Map.of("code", query.getFirst("code"), "state", query.getFirst("state")))).get("accessToken");
        }
    }
}
