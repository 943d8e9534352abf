package io.edumatrix.identity.internal.twofactor;

import static io.edumatrix.platform.testing.Api.post;
import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.platform.testing.Api;
import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.testing.TestMailServer;
import io.edumatrix.platform.testing.World;
import io.edumatrix.platform.web.HttpApplicationTest;
import io.edumatrix.platform.web.Problem;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * TOTP over real HTTP, with codes computed as an authenticator app computes them: enrollment (verified email only,
 * pending until confirmed, recovery codes once), a login that then needs a second step, codes and recovery codes used
 * once, forged challenges refused, and wrong codes locking the second factor; turning it off with a code or the
 * password; an institution's staff policy applied to refresh tokens issued before it.
 */
@HttpApplicationTest
@IntegrationTest
class TwoFactorHttpTests {

    @Autowired
    private RestTestClient http;

    private record Enrolled(String email, String secret, List<String> recoveryCodes) {}

    @Test
    void an_account_with_an_unverified_email_may_not_turn_on_two_factor_authentication() {
        var email = uniqueEmail();
        var me = signUp(email);

        Problem.expect(me.post().uri("/api/accounts/me/totp").exchange(), HttpStatus.FORBIDDEN, "email-not-verified");
    }

    @Test
    void enrollment_is_pending_until_a_code_confirms_it_and_then_a_login_needs_the_second_step() {
        var email = uniqueEmail();
        var me = verified(email);
        var enrollment = Api.ok(me.post().uri("/api/accounts/me/totp").exchange());
        var secret = (String) enrollment.get("secret");
        assertThat((String) enrollment.get("otpauthUri")).startsWith("otpauth://totp/EduMatrix:")
                .contains("secret=" + secret).contains("issuer=EduMatrix");
        new World(http).login(email, World.PASSWORD, null);

        Problem.expect(post(me, "/api/accounts/me/totp/confirmation", Map.of("code", "000000x")),
                HttpStatus.BAD_REQUEST, "invalid-code");
        var confirmed = Api.ok(post(me, "/api/accounts/me/totp/confirmation", Map.of("code", codeNow(secret, 0))));
        assertThat((List<?>) confirmed.get("recoveryCodes")).hasSize(10);
        Problem.expect(me.post().uri("/api/accounts/me/totp").exchange(), HttpStatus.CONFLICT, "totp-already-enabled");

        var challenge = challengeOf(email);
        var code = codeNow(secret, 1);
        var pair = Api.ok(post(http, "/api/sessions/second-factor", Map.of("challenge", challenge, "code", code)));
        assertThat(Api.read(new World(http).bearer((String) pair.get("accessToken")), "/api/accounts/me").get("email"))
                .isEqualTo(email);
        Problem.expect(post(http, "/api/sessions/second-factor", Map.of("challenge", challenge, "code", code)),
                HttpStatus.UNAUTHORIZED, "invalid-challenge");
        Problem.expect(post(http, "/api/sessions/second-factor", Map.of("challenge", challengeOf(email), "code", code)),
                HttpStatus.UNAUTHORIZED, "invalid-second-factor");
    }

    @Test
    void a_recovery_code_logs_in_once() {
        var enrolled = enrolled();
        var code = enrolled.recoveryCodes().getFirst();

        Api.ok(post(http, "/api/sessions/second-factor", Map.of("challenge", challengeOf(enrolled.email()),
                "code", code.toUpperCase())));

        Problem.expect(post(http, "/api/sessions/second-factor", Map.of("challenge", challengeOf(enrolled.email()),
                "code", code)), HttpStatus.UNAUTHORIZED, "invalid-second-factor");
    }

    @Test
    void a_forged_challenge_is_a_401_problem() {
        Problem.expect(post(http, "/api/sessions/second-factor", Map.of("challenge", "forged", "code", "123456")),
                HttpStatus.UNAUTHORIZED, "invalid-challenge");
        Problem.expect(post(http, "/api/sessions/second-factor", Map.of("challenge", "", "code", "123456")),
                HttpStatus.BAD_REQUEST, "invalid-request");
    }

    @Test
    void five_wrong_codes_in_a_row_lock_the_second_factor_even_for_the_right_code() {
        var enrolled = enrolled();

        for (int i = 0; i < 5; i++) {
            Problem.expect(post(http, "/api/sessions/second-factor", Map.of("challenge", challengeOf(enrolled.email()),
                    "code", "000000")), HttpStatus.UNAUTHORIZED, "invalid-second-factor");
        }

        var locked = post(http, "/api/sessions/second-factor", Map.of("challenge", challengeOf(enrolled.email()),
                "code", codeNow(enrolled.secret(), 1)));
        locked.expectHeader().exists("Retry-After");
        Problem.expect(locked, HttpStatus.TOO_MANY_REQUESTS, "account-locked");
    }

    @Test
    void an_institution_requiring_two_factor_of_its_staff_admits_its_instructor_only_with_it_and_students_as_before() {
        var world = new World(http);
        var school = world.institution();
        var other = world.institution();
        var instructor = school.instructor();

        Problem.expect(Api.json(other.admin().client().put().uri("/api/institutions/{id}/staff-two-factor",
                school.id()), Map.of("required", true)).exchange(), HttpStatus.NOT_FOUND, "not-found");
        Problem.expect(Api.json(school.student().client().put().uri("/api/institutions/{id}/staff-two-factor",
                school.id()), Map.of("required", true)).exchange(), HttpStatus.FORBIDDEN, "forbidden");
        Api.ok(Api.json(school.admin().client().put().uri("/api/institutions/{id}/staff-two-factor", school.id()),
                Map.of("required", true)).exchange());
        assertThat(Api.read(school.admin().client(), "/api/institutions/{id}/staff-two-factor", school.id())
                .get("required")).isEqualTo(true);

        Problem.expect(post(http, "/api/sessions", Map.of("email", instructor.email(), "password", World.PASSWORD,
                "institutionId", school.id())), HttpStatus.FORBIDDEN, "second-factor-enrollment-required");
        world.login(school.student().email(), World.PASSWORD, school.id());
        var unscoped = world.bearer(world.login(instructor.email(), World.PASSWORD, null).accessToken());
        Problem.expect(post(unscoped, "/api/sessions/institution", Map.of("institutionId", school.id())),
                HttpStatus.FORBIDDEN, "second-factor-enrollment-required");

        var token = TestMailServer.tokenIn(TestMailServer.awaitMail(instructor.email(), 1));
        post(http, "/api/accounts/email-verification", Map.of("token", token)).expectStatus().isNoContent();
        var secret = (String) Api.ok(unscoped.post().uri("/api/accounts/me/totp").exchange()).get("secret");
        Api.ok(post(unscoped, "/api/accounts/me/totp/confirmation", Map.of("code", codeNow(secret, 0))));
        var response = post(http, "/api/sessions", Map.of("email", instructor.email(), "password", World.PASSWORD,
                "institutionId", school.id()));
        var challenge = (String) Api.body(response.expectStatus().isUnauthorized()).get("challenge");
        var pair = Api.ok(post(http, "/api/sessions/second-factor", Map.of("challenge", challenge,
                "code", codeNow(secret, 1))));
        Api.read(world.bearer((String) pair.get("accessToken")), "/api/institutions/{id}", school.id());
    }

    @Test
    void turning_it_off_needs_a_current_code_or_the_password_and_then_a_login_needs_no_second_step() {
        var enrolled = enrolled();
        var me = afterSecondStep(enrolled, enrolled.recoveryCodes().getFirst());

        Problem.expect(delete(me, Map.of()), HttpStatus.BAD_REQUEST, "invalid-request");
        Problem.expect(delete(me, Map.of("code", "123456", "currentPassword", World.PASSWORD)),
                HttpStatus.BAD_REQUEST, "invalid-request");
        Problem.expect(delete(me, Map.of("currentPassword", "not the password at all")), HttpStatus.FORBIDDEN,
                "wrong-password");
        Problem.expect(delete(me, Map.of("code", "000000")), HttpStatus.BAD_REQUEST, "invalid-code");
        Problem.expect(delete(me, Map.of("code", enrolled.recoveryCodes().getFirst())), HttpStatus.BAD_REQUEST,
                "invalid-code");
        challengeOf(enrolled.email());

        delete(me, Map.of("code", codeNow(enrolled.secret(), 1))).expectStatus().isNoContent();

        new World(http).login(enrolled.email(), World.PASSWORD, null);
        Problem.expect(delete(me, Map.of("currentPassword", World.PASSWORD)), HttpStatus.CONFLICT, "totp-not-enabled");
        var again = (String) Api.ok(me.post().uri("/api/accounts/me/totp").exchange()).get("secret");
        Api.ok(post(me, "/api/accounts/me/totp/confirmation", Map.of("code", codeNow(again, 0))));
        challengeOf(enrolled.email());
        delete(me, Map.of("currentPassword", World.PASSWORD)).expectStatus().isNoContent();
        new World(http).login(enrolled.email(), World.PASSWORD, null);
    }

    @Test
    void wrong_codes_turning_it_off_count_towards_the_lockout_of_the_second_factor() {
        var enrolled = enrolled();
        var me = afterSecondStep(enrolled, enrolled.recoveryCodes().getFirst());

        for (int i = 0; i < 5; i++) {
            Problem.expect(delete(me, Map.of("code", "000000")), HttpStatus.BAD_REQUEST, "invalid-code");
        }

        Problem.expect(delete(me, Map.of("code", codeNow(enrolled.secret(), 1))), HttpStatus.TOO_MANY_REQUESTS,
                "account-locked");
        Problem.expect(post(http, "/api/sessions/second-factor", Map.of("challenge", challengeOf(enrolled.email()),
                "code", codeNow(enrolled.secret(), 1))), HttpStatus.TOO_MANY_REQUESTS, "account-locked");
    }

    @Test
    void a_refresh_token_issued_before_the_staff_policy_is_refused_to_staff_without_it_unused_until_they_turn_it_on() {
        var world = new World(http);
        var school = world.institution();
        var instructor = school.instructor();
        var student = school.student();

        Api.ok(Api.json(school.admin().client().put().uri("/api/institutions/{id}/staff-two-factor", school.id()),
                Map.of("required", true)).exchange());

        var refresh = Map.of("refreshToken", instructor.refreshToken());
        Problem.expect(post(http, "/api/sessions/refresh", refresh), HttpStatus.FORBIDDEN,
                "second-factor-enrollment-required");
        Problem.expect(post(http, "/api/sessions/refresh", refresh), HttpStatus.FORBIDDEN,
                "second-factor-enrollment-required");
        Api.ok(post(http, "/api/sessions/refresh", Map.of("refreshToken", student.refreshToken())));

        var token = TestMailServer.tokenIn(TestMailServer.awaitMail(instructor.email(), 1));
        post(http, "/api/accounts/email-verification", Map.of("token", token)).expectStatus().isNoContent();
        var secret = (String) Api.ok(instructor.client().post().uri("/api/accounts/me/totp").exchange()).get("secret");
        Api.ok(post(instructor.client(), "/api/accounts/me/totp/confirmation", Map.of("code", codeNow(secret, 0))));
        var pair = Api.ok(post(http, "/api/sessions/refresh", refresh));
        Api.read(world.bearer((String) pair.get("accessToken")), "/api/institutions/{id}", school.id());

        delete(instructor.client(), Map.of("currentPassword", World.PASSWORD)).expectStatus().isNoContent();
        Problem.expect(post(http, "/api/sessions/refresh", Map.of("refreshToken", pair.get("refreshToken"))),
                HttpStatus.FORBIDDEN, "second-factor-enrollment-required");
    }

    /** A client of the account, signed in with the password and the code given. */
    private RestTestClient afterSecondStep(Enrolled enrolled, String code) {
        var pair = Api.ok(post(http, "/api/sessions/second-factor", Map.of("challenge", challengeOf(enrolled.email()),
                "code", code)));
        return new World(http).bearer((String) pair.get("accessToken"));
    }

    private static RestTestClient.ResponseSpec delete(RestTestClient client, Map<String, ?> body) {
        return Api.json(client.method(HttpMethod.DELETE).uri("/api/accounts/me/totp"), body).exchange();
    }

    private Enrolled enrolled() {
        var email = uniqueEmail();
        var me = verified(email);
        var secret = (String) Api.ok(me.post().uri("/api/accounts/me/totp").exchange()).get("secret");
        @SuppressWarnings("unchecked")
        var codes = (List<String>) Api.ok(post(me, "/api/accounts/me/totp/confirmation",
                Map.of("code", codeNow(secret, 0)))).get("recoveryCodes");
        return new Enrolled(email, secret, codes);
    }

    /** The first step: the password answers 401 second-factor-required with the challenge. */
    private String challengeOf(String email) {
        var response = post(http, "/api/sessions", Map.of("email", email, "password", World.PASSWORD));
        var problem = Api.body(response.expectStatus().isUnauthorized());
        assertThat(String.valueOf(problem.get("type"))).endsWith("/second-factor-required");
        return (String) problem.get("challenge");
    }

    private RestTestClient verified(String email) {
        var me = signUp(email);
        var token = TestMailServer.tokenIn(TestMailServer.awaitMail(email, 1));
        post(http, "/api/accounts/email-verification", Map.of("token", token)).expectStatus().isNoContent();
        return me;
    }

    private RestTestClient signUp(String email) {
        post(http, "/api/accounts", Map.of("email", email, "password", World.PASSWORD, "displayName", "Two factors"))
                .expectStatus().isCreated();
        return new World(http).bearer(new World(http).login(email, World.PASSWORD, null).accessToken());
    }

    private static String codeNow(String secret, int stepsAhead) {
        return Totp.code(secret, Totp.stepAt(Instant.now()) + stepsAhead);
    }

    private static String uniqueEmail() {
        return "totp-" + UUID.randomUUID() + "@edumatrix.test";
    }
}
