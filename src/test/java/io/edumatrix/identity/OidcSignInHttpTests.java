package io.edumatrix.identity;

import static io.edumatrix.platform.testing.Api.post;
import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.platform.testing.Api;
import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.testing.Sql;
import io.edumatrix.platform.testing.TestIdentityProvider;
import io.edumatrix.platform.testing.TestIdentityProvider.Person;
import io.edumatrix.platform.testing.TestIdentityProvider.Tamper;
import io.edumatrix.platform.testing.TestMailServer;
import io.edumatrix.platform.testing.World;
import io.edumatrix.platform.web.HttpApplicationTest;
import io.edumatrix.platform.web.Problem;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Sign-in with an OpenID Connect provider started by the test, as a web client drives it: ask where to send the person,
 * follow the provider's login to the redirect with a code, hand code and state back. A first sign-in creates a verified
 * account or links the one with the verified email; later ones find it by the provider's subject. A wrong nonce,
 * issuer, signature or state is a 401 problem and changes no account or link. An account unlinks its own links only.
 */
@HttpApplicationTest
@IntegrationTest
class OidcSignInHttpTests {

    private static final String BASE = "/api/sessions/oidc/" + TestIdentityProvider.REGISTRATION;

    @Autowired
    private RestTestClient http;

    private record Redirect(String code, String state) {}

    @Test
    void a_first_sign_in_creates_a_verified_account_and_the_next_one_finds_it_by_the_subject() throws Exception {
        var email = uniqueEmail();
        var subject = UUID.randomUUID().toString();
        TestIdentityProvider.nextLogin(new Person(subject, email, true, "Grace Hopper"));

        var first = me(signIn(redirect()));
        assertThat(first.get("email")).isEqualTo(email);
        assertThat(first.get("displayName")).isEqualTo("Grace Hopper");
        assertThat(first.get("emailVerified")).isEqualTo(true);

        TestIdentityProvider.nextLogin(new Person(subject, "changed-" + email, true, "Grace"));
        assertThat(me(signIn(redirect())).get("id")).isEqualTo(first.get("id"));
        assertThat(Sql.count("SELECT count(*) FROM identity.linked_identity WHERE account_id = ?",
                UUID.fromString((String) first.get("id")))).isEqualTo(1);
    }

    @Test
    void the_account_lists_and_unlinks_its_own_linked_identities_and_no_one_else_can() throws Exception {
        var email = uniqueEmail();
        var subject = UUID.randomUUID().toString();
        TestIdentityProvider.nextLogin(new Person(subject, email, true, "Katherine"));
        var me = new World(http).bearer(signIn(redirect()));
        var accountId = UUID.fromString((String) Api.read(me, "/api/accounts/me").get("id"));

        var linked = linkedIdentities(me);
        assertThat(linked).hasSize(1);
        assertThat(linked.getFirst()).containsEntry("registration", TestIdentityProvider.REGISTRATION)
                .containsEntry("email", email).containsKeys("id", "linkedAt");
        var linkId = linked.getFirst().get("id");
        var stranger = new World(http).outsider().client();
        Problem.expect(stranger.delete().uri("/api/accounts/me/linked-identities/{id}", linkId).exchange(),
                HttpStatus.NOT_FOUND, "not-found");
        assertThat(Sql.count("SELECT count(*) FROM identity.linked_identity WHERE account_id = ?", accountId))
                .isEqualTo(1);

        me.delete().uri("/api/accounts/me/linked-identities/{id}", linkId).exchange().expectStatus().isNoContent();

        assertThat(linkedIdentities(me)).isEmpty();
        Problem.expect(me.delete().uri("/api/accounts/me/linked-identities/{id}", linkId).exchange(),
                HttpStatus.NOT_FOUND, "not-found");
        TestIdentityProvider.nextLogin(new Person(subject, email, true, "Katherine"));
        assertThat(me(signIn(redirect())).get("id")).isEqualTo(accountId.toString());
        assertThat(linkedIdentities(me)).hasSize(1).first().extracting(l -> l.get("id")).isNotEqualTo(linkId);
    }

    @Test
    void a_first_sign_in_links_the_account_whose_email_is_verified_and_refuses_one_whose_email_is_not() throws Exception {
        var verifiedEmail = uniqueEmail();
        var verified = signUp(verifiedEmail);
        post(http, "/api/accounts/email-verification",
                Map.of("token", TestMailServer.tokenIn(TestMailServer.awaitMail(verifiedEmail, 1))))
                .expectStatus().isNoContent();
        TestIdentityProvider.nextLogin(new Person(UUID.randomUUID().toString(), verifiedEmail, true, "Ada"));
        assertThat(me(signIn(redirect())).get("id")).isEqualTo(verified.toString());

        var unverifiedEmail = uniqueEmail();
        var unverified = signUp(unverifiedEmail);
        TestIdentityProvider.nextLogin(new Person(UUID.randomUUID().toString(), unverifiedEmail, true, "Bo"));
        Problem.expect(callback(redirect()), HttpStatus.CONFLICT, "account-email-unverified");
        assertThat(Sql.count("SELECT count(*) FROM identity.linked_identity WHERE account_id = ?", unverified)).isZero();
    }

    @Test
    void a_provider_that_does_not_vouch_for_the_email_creates_nothing() throws Exception {
        var email = uniqueEmail();
        TestIdentityProvider.nextLogin(new Person(UUID.randomUUID().toString(), email, false, "Cy"));
        var before = rows();

        Problem.expect(callback(redirect()), HttpStatus.FORBIDDEN, "oidc-email-not-verified");

        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void an_id_token_with_a_wrong_nonce_issuer_or_signature_is_refused_and_changes_nothing() throws Exception {
        for (var mistake : new Tamper[] {Tamper.WRONG_NONCE, Tamper.WRONG_ISSUER, Tamper.FOREIGN_KEY}) {
            TestIdentityProvider.nextLogin(new Person(UUID.randomUUID().toString(), uniqueEmail(), true, "Eve"));
            var redirect = redirect();
            var before = rows();
            TestIdentityProvider.tamperNextToken(mistake);

            Problem.expect(callback(redirect), HttpStatus.UNAUTHORIZED, "oidc-login-failed");

            assertThat(rows()).as("accounts and links after %s", mistake).isEqualTo(before);
        }
    }

    @Test
    void a_forged_or_reused_state_is_refused() throws Exception {
        TestIdentityProvider.nextLogin(new Person(UUID.randomUUID().toString(), uniqueEmail(), true, "Fay"));
        var redirect = redirect();

        Problem.expect(callback(new Redirect(redirect.code(), "forged-state")), HttpStatus.UNAUTHORIZED,
                "oidc-login-failed");
        signIn(redirect);
        Problem.expect(callback(redirect), HttpStatus.UNAUTHORIZED, "oidc-login-failed");
    }

    @Test
    void an_unknown_provider_is_a_404() {
        Problem.expect(http.post().uri("/api/sessions/oidc/nowhere").exchange(), HttpStatus.NOT_FOUND, "not-found");
    }

    /** Starts a sign-in and follows the provider's login page to the redirect, as a browser would. */
    private Redirect redirect() throws Exception {
        var start = Api.ok(http.post().uri(BASE).exchange());
        var authorization = URI.create((String) start.get("authorizationUri"));
        assertThat(authorization.toString()).startsWith(TestIdentityProvider.issuer() + "/authorize")
                .contains("nonce=").contains("state=" + start.get("state"));
        try (var browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()) {
            var response = browser.send(HttpRequest.newBuilder(authorization).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            var location = UriComponentsBuilder.fromUriString(response.headers().firstValue("Location").orElseThrow())
                    .build().getQueryParams();
            assertThat(location.getFirst("state")).isEqualTo(start.get("state"));
            return new Redirect(location.getFirst("code"), location.getFirst("state"));
        }
    }

    private RestTestClient.ResponseSpec callback(Redirect redirect) {
        return post(http, BASE + "/callback", Map.of("code", redirect.code(), "state", redirect.state()));
    }

    private String signIn(Redirect redirect) {
        return (String) Api.ok(callback(redirect)).get("accessToken");
    }

    private Map<String, Object> me(String accessToken) {
        return Api.read(new World(http).bearer(accessToken), "/api/accounts/me");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> linkedIdentities(RestTestClient client) {
        return client.get().uri("/api/accounts/me/linked-identities").exchange().expectStatus().isOk()
                .expectBody(List.class).returnResult().getResponseBody();
    }

    private UUID signUp(String email) {
        return Api.id(Api.created(post(http, "/api/accounts",
                Map.of("email", email, "password", World.PASSWORD, "displayName", "Local"))));
    }

    private static long rows() {
        return Sql.count("SELECT (SELECT count(*) FROM identity.account) * 1000000"
                + " + (SELECT count(*) FROM identity.linked_identity)");
    }

    private static String uniqueEmail() {
        return "oidc-" + UUID.randomUUID() + "@edumatrix.test";
    }
}
