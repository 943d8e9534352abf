package io.edumatrix.identity;

import static io.edumatrix.platform.testing.Api.post;
import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.platform.testing.Api;
import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.testing.Sql;
import io.edumatrix.platform.testing.TestMailServer;
import io.edumatrix.platform.testing.World;
import io.edumatrix.platform.web.HttpApplicationTest;
import io.edumatrix.platform.web.Problem;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The account flows that go through a mailbox, over real HTTP and the run's SMTP server, as a person does them: the
 * verification link after sign-up and after an email change, and the password reset; each token works once, and a
 * forged, used or expired one is a 400 problem that changes nothing.
 */
@HttpApplicationTest
@IntegrationTest
class AccountMailFlowsHttpTests {

    private static final String PASSWORD = World.PASSWORD;

    @Autowired
    private RestTestClient http;

    @Test
    void a_new_account_is_unverified_until_the_link_mailed_to_it_is_followed_once() throws Exception {
        var email = uniqueEmail();
        var me = signUpAndLogIn(email);
        assertThat(Api.read(me, "/api/accounts/me").get("emailVerified")).isEqualTo(false);

        var mail = TestMailServer.awaitMail(email, 1);
        assertThat(mail.getSubject()).contains("Confirm your email");
        var token = TestMailServer.tokenIn(mail);
        assertThat(TestMailServer.plainText(mail)).contains("/verify-email?token=" + token);
        post(http, "/api/accounts/email-verification", Map.of("token", token)).expectStatus().isNoContent();

        assertThat(Api.read(me, "/api/accounts/me").get("emailVerified")).isEqualTo(true);
        Problem.expect(post(http, "/api/accounts/email-verification", Map.of("token", token)),
                HttpStatus.BAD_REQUEST, "invalid-token");
        Problem.expect(me.post().uri("/api/accounts/me/email-verification").exchange(), HttpStatus.CONFLICT,
                "email-already-verified");
    }

    @Test
    void a_forged_or_expired_token_is_a_400_problem_and_verifies_nothing() {
        var email = uniqueEmail();
        var me = signUpAndLogIn(email);
        var token = TestMailServer.tokenIn(TestMailServer.awaitMail(email, 1));

        Problem.expect(post(http, "/api/accounts/email-verification", Map.of("token", token + "x")),
                HttpStatus.BAD_REQUEST, "invalid-token");
        Problem.expect(post(http, "/api/accounts/email-verification", Map.of("token", "")),
                HttpStatus.BAD_REQUEST, "invalid-request");
        Sql.execute("UPDATE identity.account_token SET expires_at = now() - interval '1 second'"
                + " WHERE account_id = ?", accountId(me));
        Problem.expect(post(http, "/api/accounts/email-verification", Map.of("token", token)),
                HttpStatus.BAD_REQUEST, "invalid-token");

        assertThat(Api.read(me, "/api/accounts/me").get("emailVerified")).isEqualTo(false);
    }

    @Test
    void asking_again_mails_another_link_and_too_many_asks_are_refused_with_retry_after() {
        var email = uniqueEmail();
        var me = signUpAndLogIn(email);
        TestMailServer.awaitMail(email, 1);

        me.post().uri("/api/accounts/me/email-verification").exchange().expectStatus().isAccepted();
        me.post().uri("/api/accounts/me/email-verification").exchange().expectStatus().isAccepted();
        var refused = me.post().uri("/api/accounts/me/email-verification").exchange()
                .expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS).expectHeader().exists("Retry-After");
        Problem.expect(refused, HttpStatus.TOO_MANY_REQUESTS, "too-many-mails");

        var second = TestMailServer.tokenIn(TestMailServer.awaitMail(email, 2));
        post(http, "/api/accounts/email-verification", Map.of("token", second)).expectStatus().isNoContent();
        assertThat(Api.read(me, "/api/accounts/me").get("emailVerified")).isEqualTo(true);
    }

    @Test
    void changing_the_email_needs_the_password_and_makes_it_unverified_until_the_new_address_is_verified() {
        var email = uniqueEmail();
        var me = signUpAndLogIn(email);
        var oldToken = TestMailServer.tokenIn(TestMailServer.awaitMail(email, 1));
        var newEmail = uniqueEmail();

        Problem.expect(Api.json(me.put().uri("/api/accounts/me/email"),
                Map.of("email", newEmail, "currentPassword", "not the password")).exchange(),
                HttpStatus.FORBIDDEN, "wrong-password");
        Api.json(me.put().uri("/api/accounts/me/email"), Map.of("email", newEmail, "currentPassword", PASSWORD))
                .exchange().expectStatus().isNoContent();

        var read = Api.read(me, "/api/accounts/me");
        assertThat(read.get("email")).isEqualTo(newEmail);
        assertThat(read.get("emailVerified")).isEqualTo(false);
        Problem.expect(post(http, "/api/accounts/email-verification", Map.of("token", oldToken)),
                HttpStatus.BAD_REQUEST, "invalid-token");
        var newToken = TestMailServer.tokenIn(TestMailServer.awaitMail(newEmail, 1));
        post(http, "/api/accounts/email-verification", Map.of("token", newToken)).expectStatus().isNoContent();
        assertThat(Api.read(me, "/api/accounts/me").get("emailVerified")).isEqualTo(true);
        post(http, "/api/sessions", Map.of("email", newEmail, "password", PASSWORD)).expectStatus().isOk();
    }

    @Test
    void a_password_reset_is_answered_alike_for_any_email_and_its_link_sets_a_new_password_and_ends_every_session()
            throws Exception {
        var email = uniqueEmail();
        var tokens = signUp(email);
        var unknown = uniqueEmail();

        post(http, "/api/password-resets", Map.of("email", unknown)).expectStatus().isAccepted();
        post(http, "/api/password-resets", Map.of("email", email.toUpperCase())).expectStatus().isAccepted();

        var mail = TestMailServer.awaitMail(email, 2);
        assertThat(mail.getSubject()).contains("Reset your");
        var token = TestMailServer.tokenIn(mail);
        Problem.expect(post(http, "/api/password-resets/confirmation", Map.of("token", token, "newPassword", "short")),
                HttpStatus.BAD_REQUEST, "password-rejected");
        post(http, "/api/password-resets/confirmation", Map.of("token", token, "newPassword", "a brand new passphrase"))
                .expectStatus().isNoContent();

        Problem.expect(post(http, "/api/sessions/refresh", Map.of("refreshToken", tokens.refreshToken())),
                HttpStatus.UNAUTHORIZED, "invalid-refresh-token");
        new World(http).bearer(tokens.accessToken()).get().uri("/api/accounts/me").exchange()
                .expectStatus().isUnauthorized();
        Problem.expect(post(http, "/api/sessions", Map.of("email", email, "password", PASSWORD)),
                HttpStatus.UNAUTHORIZED, "invalid-credentials");
        var relogged = new World(http).login(email, "a brand new passphrase", null);
        assertThat(Api.read(new World(http).bearer(relogged.accessToken()), "/api/accounts/me").get("emailVerified"))
                .as("following the reset link shows the mailbox is the holder's").isEqualTo(true);
        Problem.expect(post(http, "/api/password-resets/confirmation",
                Map.of("token", token, "newPassword", "yet another passphrase")), HttpStatus.BAD_REQUEST, "invalid-token");
        assertThat(TestMailServer.mailsTo(unknown)).isEmpty();
    }

    @Test
    void password_resets_of_one_account_are_mailed_three_times_an_hour_at_most_and_still_answered_202() {
        var email = uniqueEmail();
        var me = signUpAndLogIn(email);

        for (int i = 0; i < 5; i++) {
            post(http, "/api/password-resets", Map.of("email", email)).expectStatus().isAccepted();
        }

        assertThat(Sql.count("SELECT count(*) FROM identity.account_token WHERE account_id = ? AND purpose = ?",
                accountId(me), "PASSWORD_RESET")).isEqualTo(3);
    }

    @Test
    void changing_the_password_needs_the_current_one_and_ends_every_session() {
        var email = uniqueEmail();
        var tokens = signUp(email);
        var me = new World(http).bearer(tokens.accessToken());

        Problem.expect(post(me, "/api/accounts/me/password",
                Map.of("currentPassword", "not the password", "newPassword", "a brand new passphrase")),
                HttpStatus.FORBIDDEN, "wrong-password");
        post(me, "/api/accounts/me/password", Map.of("currentPassword", PASSWORD, "newPassword", "a brand new passphrase"))
                .expectStatus().isNoContent();

        me.get().uri("/api/accounts/me").exchange().expectStatus().isUnauthorized();
        Problem.expect(post(http, "/api/sessions/refresh", Map.of("refreshToken", tokens.refreshToken())),
                HttpStatus.UNAUTHORIZED, "invalid-refresh-token");
        new World(http).login(email, "a brand new passphrase", null);
    }

    private World.Tokens signUp(String email) {
        post(http, "/api/accounts", Map.of("email", email, "password", PASSWORD, "displayName", "Mailbox owner"))
                .expectStatus().isCreated();
        return new World(http).login(email, PASSWORD, null);
    }

    private RestTestClient signUpAndLogIn(String email) {
        return new World(http).bearer(signUp(email).accessToken());
    }

    private static UUID accountId(RestTestClient me) {
        return Api.id(Api.read(me, "/api/accounts/me"));
    }

    private static String uniqueEmail() {
        return "mailbox-" + UUID.randomUUID() + "@edumatrix.test";
    }
}
