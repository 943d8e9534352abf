package io.edumatrix.platform.testing;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Builds what HTTP tests need through the API, as a client would: institutions with an admin, an instructor and a
 * student, each signed up, added as a member and logged in to the institution. The platform administrator is the one
 * the application bootstraps from the test settings ({@link TestDatabase#applicationProperties()}).
 */
public final class World {

    public static final String ADMIN_EMAIL = "platform-admin@edumatrix.test";
    public static final String ADMIN_PASSWORD = "bootstrap-admin-password";
    public static final String PASSWORD = "a-long-enough-password";

    private static final AtomicInteger COUNT = new AtomicInteger();

    private final RestTestClient http;

    public World(RestTestClient http) {
        this.http = http;
    }

    /** Someone logged in, with the client that sends their access token. */
    public record Person(UUID accountId, String email, String accessToken, String refreshToken, RestTestClient client) {}

    public record Institution(UUID id, String code, Person admin, Person instructor, Person student) {}

    public record Tokens(String accessToken, String refreshToken, long expiresIn) {}

    private record Account(UUID id, String email, String displayName) {}

    /** A world over an application started outside the test context, serving HTTP at {@code baseUrl}. */
    public static World onServer(String baseUrl) {
        return new World(RestTestClient.bindToServer().baseUrl(baseUrl).build());
    }

    public RestTestClient anonymous() {
        return http;
    }

    public Person platformAdmin() {
        var tokens = login(ADMIN_EMAIL, ADMIN_PASSWORD, null);
        return person(null, ADMIN_EMAIL, tokens);
    }

    /** A new institution with one member of each role, each logged in to it. */
    public Institution institution() {
        var admin = platformAdmin();
        var code = uniqueCode("W");
        var id = registerInstitution(admin.client(), "Institution " + code, code);
        return new Institution(id, code, member(admin, id, "INSTITUTION_ADMIN"), member(admin, id, "INSTRUCTOR"),
                member(admin, id, "STUDENT"));
    }

    /** A new institution without members, registered with the platform administrator's client; its id. */
    public static UUID registerInstitution(RestTestClient platformAdmin, String name, String code) {
        return Api.id(Api.created(Api.post(platformAdmin, "/api/institutions", Map.of("name", name, "code", code))));
    }

    /** A new course, created with the client of an instructor of the institution; its id. */
    public static UUID course(RestTestClient instructor, UUID institutionId, String code, String title) {
        return Api.id(Api.created(Api.post(instructor, "/api/courses",
                Map.of("institutionId", institutionId, "code", code, "title", title))));
    }

    /** Enrolls the student whose client this is in the course, open for enrollment; the enrollment's id. */
    public static UUID enroll(RestTestClient student, UUID courseId) {
        return Api.id(Api.created(Api.post(student, "/api/courses/" + courseId + "/enrollments", Map.of())));
    }

    /** The student whose client this is withdraws from the course they are enrolled in. */
    public static void withdraw(RestTestClient student, UUID courseId) {
        Api.ok(Api.post(student, "/api/courses/" + courseId + "/enrollments/me/withdrawal", Map.of()));
    }

    /** A new student of the institution, made a member by its admin and enrolled in the course. */
    public Person learner(Institution institution, UUID courseId) {
        var student = member(institution.admin(), institution.id(), "STUDENT");
        enroll(student.client(), courseId);
        return student;
    }

    /** A new job posting, a draft, created with the client of a staff member of the institution; its id. */
    public static UUID jobPosting(RestTestClient staff, String title) {
        return Api.id(Api.created(Api.post(staff, "/api/jobs", Map.of("title", title, "description", "About " + title,
                "location", "Campus", "employmentType", "PART_TIME",
                "closesAt", Instant.now().plus(30, ChronoUnit.DAYS).toString()))));
    }

    /** A code no other institution or course of the run has: the prefix, eight random characters and a count. */
    public static String uniqueCode(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8) + COUNT.incrementAndGet();
    }

    /** A new account, made a member of the institution by {@code manager} and logged in to it. */
    public Person member(Person manager, UUID institutionId, String role) {
        var account = signUp(role.toLowerCase().replace('_', '-'));
        manager.client().post().uri("/api/institutions/{id}/members", institutionId)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("email", account.email(), "role", role))
                .exchange().expectStatus().isCreated();
        return person(account.id(), account.email(), login(account.email(), PASSWORD, institutionId));
    }

    /** A new account that belongs to no institution, logged in. */
    public Person outsider() {
        var account = signUp("outsider");
        return person(account.id(), account.email(), login(account.email(), PASSWORD, null));
    }

    public Tokens login(String email, String password, UUID institutionId) {
        var body = new java.util.HashMap<String, Object>(Map.of("email", email, "password", password));
        if (institutionId != null) {
            body.put("institutionId", institutionId);
        }
        return http.post().uri("/api/sessions").contentType(MediaType.APPLICATION_JSON).body(body)
                .exchange().expectStatus().isOk()
                .expectBody(Tokens.class).returnResult().getResponseBody();
    }

    /** A client that sends the given access token. */
    public RestTestClient bearer(String accessToken) {
        return http.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken).build();
    }

    private Account signUp(String kind) {
        var email = kind + "-" + UUID.randomUUID() + "@edumatrix.test";
        return http.post().uri("/api/accounts").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("email", email, "password", PASSWORD, "displayName", "A " + kind))
                .exchange().expectStatus().isCreated()
                .expectBody(Account.class).returnResult().getResponseBody();
    }

    private Person person(UUID accountId, String email, Tokens tokens) {
        return new Person(accountId, email, tokens.accessToken(), tokens.refreshToken(), bearer(tokens.accessToken()));
    }
}
