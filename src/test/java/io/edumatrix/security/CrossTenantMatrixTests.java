package io.edumatrix.security;

import static io.edumatrix.platform.testing.Api.createdId;
import static io.edumatrix.platform.testing.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.platform.testing.Endpoints;
import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.testing.Sql;
import io.edumatrix.platform.testing.World.Institution;
import io.edumatrix.platform.testing.World.Person;
import io.edumatrix.platform.testing.World;
import io.edumatrix.platform.web.HttpApplicationTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * ADR 0012 over every endpoint: two institutions A and B, each with an admin, an instructor and a student, a
 * department, a course with the student enrolled; each of A's three people tries each of B's resources through every
 * endpoint that takes an id or an institution (read, list, change, delete, and create under B's path or with B's
 * {@code institutionId}). The only acceptable answers are a 404 {@code not-found} problem, or a 403
 * {@code forbidden} problem where the person's role alone forbids the endpoint; anything else is a leak. B's data,
 * read by B's admin, is the same before and after.
 */
@HttpApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@IntegrationTest
class CrossTenantMatrixTests {

    private static final String PROBLEM_BASE = "https://edumatrix.io/problems/";

    /**
     * Endpoints that name no institution and no resource of one, so there is nothing of B to try through them: each
     * acts only on the caller's own account or session, creates something new, or is the platform's. Each must have
     * no path variable (checked), so an endpoint that takes an id can never hide here.
     */
    private static final Set<String> NAMING_NO_TENANT = Set.of(
            "POST /api/accounts",
            "GET /api/accounts/me",
            "GET /api/accounts/me/export",
            "POST /api/accounts/me/erasure",
            "POST /api/sessions/refresh",
            "DELETE /api/sessions/current",
            // The caller's own email, password and second factor, and the mailed tokens and login challenges that
            // name one account (never an institution's resource).
            "POST /api/accounts/email-verification",
            "POST /api/accounts/me/email-verification",
            "PUT /api/accounts/me/email",
            "POST /api/accounts/me/password",
            "POST /api/password-resets",
            "POST /api/password-resets/confirmation",
            "POST /api/accounts/me/totp",
            "POST /api/accounts/me/totp/confirmation",
            "DELETE /api/accounts/me/totp",
            "GET /api/accounts/me/linked-identities",
            "POST /api/sessions/second-factor",
            "GET /.well-known/jwks.json",
            "POST /api/identity/signing-keys/rotation",
            "GET /api/admin/keys",
            // The master-key rotation's progress: fingerprints and counts, no institution's resource.
            "GET /api/admin/keys/master",
            "POST /api/admin/keys/master/rewrap",
            // Identity's internal binding (ADR 0035): a service token only; a person's token is refused.
            "POST /internal/v1/identity/accounts/lookup",
            // A service token for a process without identity (ADR 0035): the credential is its client assertion, signed by
            // a key identity was configured to trust; a person's token counts for nothing there, and no resource is named.
            "POST /internal/v1/identity/service-tokens",
            // Whether the caller's own token is still good (a process without identity asks): it names no resource.
            "GET /internal/v1/identity/sessions/current",
            "POST /api/admin/keys/rotation",
            "POST /api/institutions",
            "GET /actuator",
            "GET /actuator/health",
            "GET /actuator/health/**",
            "GET /actuator/info",
            // The names of the application's metrics (statistics' lag among them), for platform admins only.
            "GET /actuator/metrics",
            // The caller's own profile and feed, a new profile or post of the caller's, and the token's institution's
            // profiles: row-level security keeps B's out (StudentsHttpApiTests reads the lists).
            "POST /api/students/profiles",
            "GET /api/students/profiles",
            "GET /api/students/profiles/me",
            "POST /api/students/posts",
            "GET /api/students/feed",
            // A new gig of the caller's, the token's institution's gigs and the caller's own contracts: row-level
            // security keeps B's out (FreelancingHttpApiTests reads the lists).
            "POST /api/freelancing/gigs",
            "GET /api/freelancing/gigs",
            "GET /api/freelancing/contracts/mine",
            // A new room of the caller's institution, and the token's institution's rooms the caller may see:
            // row-level security keeps B's out (CommunityHttpApiTests reads the list).
            "POST /api/community/rooms",
            "GET /api/community/rooms",
            // A new article of the caller's, and the token's institution's published articles and drafts: row-level
            // security keeps B's out (NewsHttpApiTests reads the lists).
            "POST /api/news/articles",
            "GET /api/news/articles",
            "GET /api/news/articles/drafts",
            // The caller's own feedback in the token's institution (row-level security keeps B's out).
            "GET /api/feedback/mine",
            // A new posting of the token's institution, its postings, and the caller's own applications: row-level
            // security keeps B's out (JobsHttpApiTests reads the lists, searched too).
            "POST /api/jobs",
            "GET /api/jobs",
            "GET /api/jobs/applications/mine",
            // The caller's own notifications (theirs and the token's institution's broadcasts), preferences and a new
            // device of theirs: row-level security keeps B's out (NotificationsHttpApiTests reads the list).
            "GET /api/notifications",
            "POST /api/notifications/read-all",
            "GET /api/notifications/preferences",
            "PUT /api/notifications/preferences",
            "POST /api/notifications/devices",
            "GET /api/notifications/stream",
            "GET /api/notifications/preferences/delivery",
            "PUT /api/notifications/preferences/delivery",
            "POST /api/notifications/push-subscriptions",
            "GET /api/notifications/push-subscriptions/vapid-public-key",
            // The caller's own blocks in the token's institution.
            "GET /api/community/blocks");

    @Autowired
    private RestTestClient http;

    @Autowired
    private ApplicationContext context;

    private World world;
    private Institution a;
    private Institution b;
    private UUID bCourse;
    /** The row id of one of B's memberships, as B's admin reads it in B's trail. */
    private String bMembership;
    private UUID aCourse;
    private List<Case> cases;
    private UUID bErasure;
    private UUID bProfile;
    /** A section of B's course with a published lesson in it, which B's enrolled student sees in the outline. */
    private UUID bSection;
    /** B's student's enrollment in B's course, as B's staff list it. */
    private UUID bEnrollment;
    private UUID bLesson;
    private UUID bPost;
    private UUID bGig;
    private UUID bProposal;
    private UUID bContract;
    private UUID bMilestone;
    /** B's public room, with a message of B's student in it. */
    private UUID bRoom;
    private UUID bMessage;
    private UUID bArticle;
    private UUID bDraft;
    private UUID bFeedback;
    private UUID bRatedPosting;
    private UUID bJobPosting;
    private UUID bJobApplication;
    /** B's article as B's student's broadcast, B's student's own enrollment notification, and a device of theirs. */
    private UUID bBroadcast;
    private UUID bNotification;
    private UUID bDevice;
    private UUID bSubscription;
    /** A link of B's student's account to an identity provider (a row as a provider sign-in leaves it). */
    private UUID bLinkedIdentity;

    /**
     * An attempt on one of B's resources through one endpoint. {@code forbiddenFor} are A's roles that get 403; the
     * others get {@code expected}: a 404 {@code not-found}, unless the request is answered exactly as it is for an id
     * that exists nowhere by some other problem (say so with {@link #sameAsForNoSuchId}).
     */
    private record Case(String endpoint, String what, Set<String> forbiddenFor,
            Function<Person, RestTestClient.RequestHeadersSpec<?>> request, int status, String type) {

        Case(String endpoint, String what, Set<String> forbiddenFor, Function<Person, RestTestClient.RequestHeadersSpec<?>> request) {
            this(endpoint, what, forbiddenFor, request, 404, "not-found");
        }

        Case sameAsForNoSuchId(int status, String type) {
            return new Case(endpoint, what, forbiddenFor, request, status, type);
        }

        /** A read that finds nothing of B: an empty page, as for an id that exists nowhere. */
        Case answeredWithAnEmptyPage() {
            return new Case(endpoint, what, forbiddenFor, request, 200, null);
        }

        boolean expected(int expectedStatus, String expectedType, Answer answer) {
            if (expectedStatus == 200) {
                return answer.status() == 200 && answer.type() == null && answer.body().contains("\"items\":[]");
            }
            return answer.status() == expectedStatus && expectedType.equals(answer.type());
        }
    }

    private record Answer(int status, String type, String body) {}

    @BeforeAll
    void twoInstitutionsWithMembersADepartmentACourseAndAnEnrollmentEach() throws InterruptedException {
        world = new World(http);
        a = world.institution();
        b = world.institution();
        aCourse = fill(a);
        bCourse = fill(b);
        var bTrail = b.admin().client().get().uri("/api/audit?entity=institutions.membership&limit=1").exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        bMembership = (String) ((Map<?, ?>) ((List<?>) bTrail.get("items")).getFirst()).get("rowId");
        bErasure = erasedMemberOf(b);
        bProfile = studentsOf(b);
        bPost = UUID.fromString(String.valueOf(b.student().client().post().uri("/api/students/posts")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("body", "Hello from B"))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id")));
        b.instructor().client().put().uri("/api/students/posts/{id}/like", bPost).exchange().expectStatus().isOk();
        b.instructor().client().post().uri("/api/students/posts/{id}/comments", bPost)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("body", "Well said")).exchange()
                .expectStatus().isCreated();
        studentsOf(a);
        contentOf(b);
        freelancingOf(b);
        communityOf(b);
        newsOf(b);
        feedbackOf(b);
        jobsOf(b);
        notificationsOf(b);
        bLinkedIdentity = linkedIdentityOf(b.student());
        cases = cases();
    }

    private void contentOf(Institution institution) {
        var staff = institution.instructor().client();
        var enrollments = staff.get().uri("/api/courses/{id}/enrollments", bCourse).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        bEnrollment = UUID.fromString(String.valueOf(((Map<?, ?>) ((List<?>) enrollments.get("items")).getFirst()).get("id")));
        bSection = createdId(staff.post().uri("/api/courses/{id}/sections", bCourse), Map.of("title", "Basics"));
        bLesson = createdId(staff.post().uri("/api/courses/{id}/sections/{section}/lessons", bCourse, bSection),
                Map.of("title", "Welcome", "kind", "TEXT", "body", "Hello, class"));
        json(staff.post().uri("/api/courses/{id}/lessons/{lesson}/status", bCourse, bLesson), Map.of("status", "PUBLISHED"))
                .exchange().expectStatus().isOk();
    }

    /** A fourth member of B who asked to be erased: the request, completed, is one of B's people's resources. */
    private UUID erasedMemberOf(Institution institution) throws InterruptedException {
        var leaver = world.member(institution.admin(), institution.id(), "STUDENT");
        var request = UUID.fromString(String.valueOf(leaver.client().post().uri("/api/accounts/me/erasure").exchange()
                .expectStatus().isAccepted().expectBody(Map.class).returnResult().getResponseBody().get("id")));
        var admin = world.platformAdmin();
        var deadline = java.time.Instant.now().plusSeconds(30);
        while (!"COMPLETED".equals(admin.client().get().uri("/api/erasures/{id}", request).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("status"))) {
            assertThat(java.time.Instant.now()).as("erasure request %s completed", request).isBefore(deadline);
            Thread.sleep(50);
        }
        return request;
    }

    /** The student's and the instructor's profiles, the instructor following the student: the student's profile. */
    private static UUID studentsOf(Institution institution) {
        var student = profile(institution.student());
        profile(institution.instructor());
        institution.instructor().client().put().uri("/api/students/profiles/{id}/follow", student).exchange()
                .expectStatus().isNoContent();
        return student;
    }

    private static UUID profile(Person person) {
        return UUID.fromString(String.valueOf(person.client().post().uri("/api/students/profiles")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("headline", "Student of things"))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id")));
    }

    private UUID fill(Institution institution) {
        institution.admin().client().post().uri("/api/institutions/{id}/departments", institution.id())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("name", "Mathematics", "code", "MATH"))
                .exchange().expectStatus().isCreated();
        var course = UUID.fromString(String.valueOf(institution.instructor().client().post().uri("/api/courses")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("institutionId", institution.id(), "code", "ALG1", "title", "Algebra"))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id")));
        institution.student().client().post().uri("/api/courses/{id}/enrollments", course)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of()).exchange().expectStatus().isCreated();
        return course;
    }

    private List<Case> cases() {
        var staffOnly = Set.of("STUDENT");
        var adminOnly = Set.of("INSTRUCTOR", "STUDENT");
        var nobody = Set.<String>of();
        var everybody = Set.of("INSTITUTION_ADMIN", "INSTRUCTOR", "STUDENT");
        var list = new ArrayList<Case>();
        list.add(new Case("GET /api/institutions/{id}", "read B", nobody,
                p -> p.client().get().uri("/api/institutions/{id}", b.id())));
        list.add(new Case("PATCH /api/institutions/{id}", "rename B", adminOnly,
                p -> json(p.client().patch().uri("/api/institutions/{id}", b.id()), Map.of("name", "Taken over"))));
        list.add(new Case("POST /api/institutions/{id}/deactivation", "deactivate B", everybody,
                p -> p.client().post().uri("/api/institutions/{id}/deactivation", b.id())));
        list.add(new Case("GET /api/institutions", "list institutions, B among them", everybody,
                p -> p.client().get().uri("/api/institutions?limit=100")));
        list.add(new Case("POST /api/institutions/{id}/departments", "add a department to B", adminOnly,
                p -> json(p.client().post().uri("/api/institutions/{id}/departments", b.id()),
                        Map.of("name", "Intruders", "code", "INTRUDE"))));
        list.add(new Case("GET /api/institutions/{id}/departments", "list B's departments", nobody,
                p -> p.client().get().uri("/api/institutions/{id}/departments", b.id())));
        list.add(new Case("POST /api/institutions/{institutionId}/members", "make oneself B's admin", adminOnly,
                p -> json(p.client().post().uri("/api/institutions/{id}/members", b.id()),
                        Map.of("email", p.email(), "role", "INSTITUTION_ADMIN"))));
        list.add(new Case("GET /api/institutions/{institutionId}/members", "list B's members", adminOnly,
                p -> p.client().get().uri("/api/institutions/{id}/members?limit=100", b.id())));
        list.add(new Case("PATCH /api/institutions/{institutionId}/members/{accountId}", "promote B's student in B",
                adminOnly, p -> json(p.client().patch().uri("/api/institutions/{id}/members/{account}", b.id(),
                        b.student().accountId()), Map.of("role", "INSTITUTION_ADMIN"))));
        list.add(new Case("PATCH /api/institutions/{institutionId}/members/{accountId}", "promote B's student through A's path",
                adminOnly, p -> json(p.client().patch().uri("/api/institutions/{id}/members/{account}", a.id(),
                        b.student().accountId()), Map.of("role", "INSTITUTION_ADMIN"))));
        list.add(new Case("DELETE /api/institutions/{institutionId}/members/{accountId}", "remove B's instructor from B",
                adminOnly, p -> p.client().delete().uri("/api/institutions/{id}/members/{account}", b.id(),
                        b.instructor().accountId())));
        list.add(new Case("DELETE /api/institutions/{institutionId}/members/{accountId}",
                "remove B's admin through A's path", adminOnly,
                p -> p.client().delete().uri("/api/institutions/{id}/members/{account}", a.id(), b.admin().accountId())));
        list.add(new Case("POST /api/courses", "create a course with B's institutionId", staffOnly,
                p -> json(p.client().post().uri("/api/courses"),
                        Map.of("institutionId", b.id(), "code", "PLANTED", "title", "Planted in B"))));
        list.add(new Case("GET /api/courses/{id}", "read B's course", nobody,
                p -> p.client().get().uri("/api/courses/{id}", bCourse)));
        list.add(new Case("GET /api/courses", "list B's courses", nobody,
                p -> p.client().get().uri("/api/courses?institutionId={id}&limit=100", b.id())));
        list.add(new Case("PATCH /api/courses/{id}", "retitle B's course", staffOnly,
                p -> json(p.client().patch().uri("/api/courses/{id}", bCourse), Map.of("title", "Defaced"))));
        list.add(new Case("POST /api/courses/{id}/enrollments", "enroll oneself in B's course", nobody,
                p -> json(p.client().post().uri("/api/courses/{id}/enrollments", bCourse), Map.of())));
        list.add(new Case("POST /api/courses/{id}/enrollments", "enroll B's student in B's course", staffOnly,
                p -> json(p.client().post().uri("/api/courses/{id}/enrollments", bCourse),
                        Map.of("studentId", b.student().accountId()))));
        // B's student is no student of A: the same answer as for an account that exists nowhere.
        list.add(new Case("POST /api/courses/{id}/enrollments", "enroll B's student in A's course", staffOnly,
                p -> json(p.client().post().uri("/api/courses/{id}/enrollments", aCourse),
                        Map.of("studentId", b.student().accountId()))).sameAsForNoSuchId(422, "not-a-student"));
        list.add(new Case("GET /api/courses/{id}/enrollments", "list B's course's enrollments", staffOnly,
                p -> p.client().get().uri("/api/courses/{id}/enrollments?limit=100", bCourse)));
        list.add(new Case("POST /api/courses/{id}/enrollments/me/withdrawal", "withdraw from B's course", nobody,
                p -> p.client().post().uri("/api/courses/{id}/enrollments/me/withdrawal", bCourse)));
        list.add(new Case("POST /api/courses/{id}/enrollments/{enrollmentId}/withdrawal", "withdraw B's student", staffOnly,
                p -> p.client().post().uri("/api/courses/{id}/enrollments/{enrollment}/withdrawal", bCourse, bEnrollment)));
        // A certificate's code is the secret that lets anyone verify it (CertificateHttpApiTests); one B never issued
        // is found by no one, whatever their institution.
        list.add(new Case("GET /api/certificates/{code}", "verify a code B never issued", nobody,
                p -> p.client().get().uri("/api/certificates/{code}", "ABCDEFGHJKLMNPQR")));
        list.add(new Case("POST /api/courses/{id}/sections", "add a section to B's course", staffOnly,
                p -> json(p.client().post().uri("/api/courses/{id}/sections", bCourse), Map.of("title", "Planted"))));
        list.add(new Case("POST /api/courses/{id}/sections/{sectionId}/lessons", "add a lesson to B's section", staffOnly,
                p -> json(p.client().post().uri("/api/courses/{id}/sections/{section}/lessons", bCourse, bSection),
                        Map.of("title", "Planted", "kind", "LINK", "url", "https://planted.example"))));
        list.add(new Case("POST /api/courses/{id}/sections/{sectionId}/lessons", "add a lesson to B's section through A's course",
                staffOnly, p -> json(p.client().post().uri("/api/courses/{id}/sections/{section}/lessons", aCourse, bSection),
                        Map.of("title", "Planted", "kind", "LINK", "url", "https://planted.example"))));
        list.add(new Case("POST /api/courses/{id}/lessons/{lessonId}/status", "archive B's lesson", staffOnly,
                p -> json(p.client().post().uri("/api/courses/{id}/lessons/{lesson}/status", bCourse, bLesson),
                        Map.of("status", "ARCHIVED"))));
        list.add(new Case("PUT /api/courses/{id}/sections/{sectionId}/order", "reorder B's section", staffOnly,
                p -> json(p.client().put().uri("/api/courses/{id}/sections/{section}/order", bCourse, bSection),
                        Map.of("lessonIds", List.of(bLesson)))));
        list.add(new Case("GET /api/courses/{id}/outline", "read B's course's outline", nobody,
                p -> p.client().get().uri("/api/courses/{id}/outline", bCourse)));
        list.add(new Case("PUT /api/courses/{id}/lessons/{lessonId}/completion", "complete B's lesson", nobody,
                p -> p.client().put().uri("/api/courses/{id}/lessons/{lesson}/completion", bCourse, bLesson)));
        list.add(new Case("PUT /api/courses/{id}/lessons/{lessonId}/position", "report a position in B's lesson", nobody,
                p -> json(p.client().put().uri("/api/courses/{id}/lessons/{lesson}/position", bCourse, bLesson),
                        Map.of("seconds", 10))));
        list.add(new Case("GET /api/courses/{id}/progress/me", "read one's progress in B's course", nobody,
                p -> p.client().get().uri("/api/courses/{id}/progress/me", bCourse)));
        list.add(new Case("GET /api/courses/{id}/progress", "read B's course's progress table", staffOnly,
                p -> p.client().get().uri("/api/courses/{id}/progress?limit=100", bCourse)));
        // Identity answers an institution the account does not belong to with 403 not-a-member, worded the same for
        // one that exists nowhere (checked below): it reveals nothing, though ADR 0012 would have a 404.
        list.add(new Case("POST /api/sessions/institution", "switch the session to B", nobody,
                p -> json(p.client().post().uri("/api/sessions/institution"), Map.of("institutionId", b.id())))
                .sameAsForNoSuchId(403, "not-a-member"));
        list.add(new Case("GET /api/institutions/{institutionId}/staff-two-factor", "read B's staff policy", adminOnly,
                p -> p.client().get().uri("/api/institutions/{id}/staff-two-factor", b.id())));
        list.add(new Case("PUT /api/institutions/{institutionId}/staff-two-factor", "lift B's staff policy", adminOnly,
                p -> json(p.client().put().uri("/api/institutions/{id}/staff-two-factor", b.id()),
                        Map.of("required", false))));
        list.add(new Case("DELETE /api/accounts/me/linked-identities/{linkedIdentityId}",
                "unlink B's student's identity provider", nobody,
                p -> p.client().delete().uri("/api/accounts/me/linked-identities/{id}", bLinkedIdentity)));
        // A provider registration is configuration, not an institution's: one that is not configured is a 404.
        list.add(new Case("POST /api/sessions/oidc/{registrationId}", "sign in with a provider nobody configured",
                nobody, p -> p.client().post().uri("/api/sessions/oidc/{id}", "b-provider")));
        list.add(new Case("POST /api/sessions/oidc/{registrationId}/callback", "complete a sign-in with no provider",
                nobody, p -> json(p.client().post().uri("/api/sessions/oidc/{id}/callback", "b-provider"),
                        Map.of("code", "c", "state", "s"))));
        list.add(new Case("POST /api/sessions", "log in to B", nobody,
                p -> json(world.anonymous().post().uri("/api/sessions"),
                        Map.of("email", p.email(), "password", World.PASSWORD, "institutionId", b.id())))
                .sameAsForNoSuchId(403, "not-a-member"));
        list.add(new Case("GET /api/audit", "read the trail of B's course", adminOnly,
                p -> p.client().get().uri("/api/audit?entity=courses.course&id={id}&limit=100", bCourse))
                .answeredWithAnEmptyPage());
        list.add(new Case("GET /api/audit", "read the trail of B's memberships", adminOnly,
                p -> p.client().get().uri("/api/audit?entity=institutions.membership&id={id}&limit=100",
                        bMembership)).answeredWithAnEmptyPage());
        list.add(new Case("GET /api/audit", "read the trail of the institution B itself", adminOnly,
                p -> p.client().get().uri("/api/audit?entity=institutions.institution&id={id}&limit=100", b.id()))
                .answeredWithAnEmptyPage());
        list.add(new Case("GET /api/accounts/{accountId}/export", "export B's student's personal data", everybody,
                p -> p.client().get().uri("/api/accounts/{id}/export", b.student().accountId())));
        list.add(new Case("POST /api/accounts/{accountId}/erasure", "erase B's student", everybody,
                p -> p.client().post().uri("/api/accounts/{id}/erasure", b.student().accountId())));
        list.add(new Case("GET /api/erasures/{requestId}", "read the erasure request of B's former student", nobody,
                p -> p.client().get().uri("/api/erasures/{id}", bErasure)));
        list.add(new Case("GET /actuator/eventpublications", "list every institution's failed publications", everybody,
                p -> p.client().get().uri("/actuator/eventpublications")));
        list.add(new Case("POST /actuator/eventpublications", "resubmit every institution's failed publications",
                everybody, p -> json(p.client().post().uri("/actuator/eventpublications"), Map.of())));
        list.add(new Case("POST /api/admin/keys/{module}/rotation", "rotate a module's keys, which protect B's data too",
                everybody, p -> p.client().post().uri("/api/admin/keys/{module}/rotation", "identity")));
        list.add(new Case("POST /api/admin/keys/{module}/retirement", "retire a module's keys, which protect B's data too",
                everybody, p -> p.client().post().uri("/api/admin/keys/{module}/retirement", "identity")));
        list.add(new Case("POST /api/admin/keys/{module}/blind-index/rotation",
                "rotate the blind index that finds B's people", everybody,
                p -> p.client().post().uri("/api/admin/keys/{module}/blind-index/rotation", "identity")));
        var elsewhere = Map.of("host", "127.0.0.1", "port", 5432, "database", "elsewhere");
        list.add(new Case("POST /api/admin/modules/{module}/move", "move B's jobs to another server", everybody,
                p -> json(p.client().post().uri("/api/admin/modules/{module}/move", "jobs"), elsewhere)));
        list.add(new Case("GET /api/admin/modules/{module}/moves/{id}", "follow a move of B's jobs", everybody,
                p -> p.client().get().uri("/api/admin/modules/{module}/moves/{id}", "jobs", java.util.UUID.randomUUID())));
        list.add(new Case("POST /api/admin/modules/{module}/move/abandon", "abandon a move of B's jobs", everybody,
                p -> json(p.client().post().uri("/api/admin/modules/{module}/move/abandon", "jobs"), elsewhere)));
        list.add(new Case("POST /api/admin/modules/{module}/old-schema/drop", "drop a schema of B's jobs", everybody,
                p -> json(p.client().post().uri("/api/admin/modules/{module}/old-schema/drop", "jobs"), elsewhere)));
        list.add(new Case("GET /internal/v1/courses/courses/{id}", "read B's course through the internal binding", everybody,
                p -> p.client().get().uri("/internal/v1/courses/courses/{id}", bCourse)));
        list.add(new Case("GET /internal/v1/courses/courses/{id}/instructors", "list B's instructors through the internal binding", everybody,
                p -> p.client().get().uri("/internal/v1/courses/courses/{id}/instructors", bCourse)));
        list.add(new Case("GET /internal/v1/courses/courses/{id}/learners", "list B's learners through the internal binding", everybody,
                p -> p.client().get().uri("/internal/v1/courses/courses/{id}/learners", bCourse)));
        list.add(new Case("GET /internal/v1/courses/courses/{id}/participants/{studentAccountId}", "ask whether B's student takes part", everybody,
                p -> p.client().get().uri("/internal/v1/courses/courses/{id}/participants/{student}", bCourse, b.student().accountId())));
        list.add(new Case("GET /internal/v1/identity/accounts/{accountId}/display-name", "read B's student's name through the internal binding", everybody,
                p -> p.client().get().uri("/internal/v1/identity/accounts/{id}/display-name", b.student().accountId())));
        list.add(new Case("GET /internal/v1/identity/accounts/{accountId}/verified-email", "read B's student's email through the internal binding", everybody,
                p -> p.client().get().uri("/internal/v1/identity/accounts/{id}/verified-email", b.student().accountId())));
        list.add(new Case("GET /internal/v1/{module}/personal-data/{accountId}", "export B's student's jobs data through the internal binding", everybody,
                p -> p.client().get().uri("/internal/v1/{module}/personal-data/{id}", "jobs", b.student().accountId())));
        list.add(new Case("GET /internal/v1/institutions/accounts/{accountId}/current-membership", "read B's student's membership", everybody,
                p -> p.client().get().uri("/internal/v1/institutions/accounts/{id}/current-membership", b.student().accountId())));
        list.add(new Case("GET /internal/v1/institutions/accounts/{accountId}/memberships", "list B's student's memberships", everybody,
                p -> p.client().get().uri("/internal/v1/institutions/accounts/{id}/memberships", b.student().accountId())));
        list.add(new Case("GET /internal/v1/institutions/institutions/{id}", "read B through the internal binding", everybody,
                p -> p.client().get().uri("/internal/v1/institutions/institutions/{id}", b.id())));
        list.add(new Case("GET /internal/v1/jobs/postings/{id}", "read B's job posting through the internal binding", everybody,
                p -> p.client().get().uri("/internal/v1/jobs/postings/{id}", bJobPosting)));
        list.add(new Case("GET /api/students/profiles/{id}", "read B's student's profile", nobody,
                p -> p.client().get().uri("/api/students/profiles/{id}", bProfile)));
        list.add(new Case("PATCH /api/students/profiles/{id}", "rewrite B's student's profile", nobody,
                p -> json(p.client().patch().uri("/api/students/profiles/{id}", bProfile),
                        Map.of("version", 0, "headline", "Defaced"))));
        list.add(new Case("PUT /api/students/profiles/{id}/follow", "follow B's student", nobody,
                p -> p.client().put().uri("/api/students/profiles/{id}/follow", bProfile)));
        list.add(new Case("DELETE /api/students/profiles/{id}/follow", "unfollow B's student", nobody,
                p -> p.client().delete().uri("/api/students/profiles/{id}/follow", bProfile)));
        list.add(new Case("GET /api/students/posts/{id}", "read B's post", nobody,
                p -> p.client().get().uri("/api/students/posts/{id}", bPost)));
        list.add(new Case("PATCH /api/students/posts/{id}", "edit B's post", nobody,
                p -> json(p.client().patch().uri("/api/students/posts/{id}", bPost),
                        Map.of("version", 0, "body", "Defaced"))));
        list.add(new Case("DELETE /api/students/posts/{id}", "delete B's post", nobody,
                p -> p.client().delete().uri("/api/students/posts/{id}", bPost)));
        list.add(new Case("PUT /api/students/posts/{id}/like", "like B's post", nobody,
                p -> p.client().put().uri("/api/students/posts/{id}/like", bPost)));
        list.add(new Case("DELETE /api/students/posts/{id}/like", "take back a like of B's post", nobody,
                p -> p.client().delete().uri("/api/students/posts/{id}/like", bPost)));
        list.add(new Case("POST /api/students/posts/{id}/comments", "comment under B's post", nobody,
                p -> json(p.client().post().uri("/api/students/posts/{id}/comments", bPost), Map.of("body", "Planted"))));
        list.add(new Case("GET /api/students/posts/{id}/comments", "read the comments under B's post", nobody,
                p -> p.client().get().uri("/api/students/posts/{id}/comments?limit=100", bPost)));
        freelancingCases(list);
        communityCases(list);
        newsCases(list);
        feedbackCases(list);
        jobsCases(list);
        statisticsCases(list);
        notificationsCases(list);
        return list;
    }

    @Test
    void every_endpoint_that_takes_an_id_or_an_institution_is_tried_by_the_cross_tenant_matrix() {
        var served = Endpoints.of(context);
        var covered = cases.stream().map(Case::endpoint).collect(Collectors.toCollection(TreeSet::new));
        var keys = served.stream().map(Endpoints.Endpoint::key).collect(Collectors.toCollection(TreeSet::new));

        assertThat(served).as("endpoints listed as naming no tenant have no path variable")
                .filteredOn(e -> NAMING_NO_TENANT.contains(e.key())).allSatisfy(e -> assertThat(e.variables()).isEmpty());
        assertThat(keys).as("served endpoints neither in the matrix nor naming no tenant")
                .allSatisfy(key -> assertThat(covered.contains(key) || NAMING_NO_TENANT.contains(key))
                        .as(key).isTrue());
        assertThat(covered).as("matrix cases of endpoints the application does not serve").isSubsetOf(keys);
    }

    @Test
    void no_person_of_one_institution_reaches_another_institutions_resources_through_any_endpoint() {
        var before = bAsItsAdminSeesIt();
        var leaks = new ArrayList<String>();
        var requests = 0;

        for (var person : List.of(role("INSTITUTION_ADMIN", a.admin()), role("INSTRUCTOR", a.instructor()),
                role("STUDENT", a.student()))) {
            for (var attempt : cases) {
                var forbidden = attempt.forbiddenFor().contains(person.getKey());
                var expected = forbidden ? 403 : attempt.status();
                var expectedType = PROBLEM_BASE + (forbidden ? "forbidden" : attempt.type());
                var answer = send(attempt.request().apply(person.getValue()));
                requests++;
                if (!attempt.expected(expected, expectedType, answer)) {
                    leaks.add("A's " + person.getKey() + " tried to " + attempt.what() + " (" + attempt.endpoint()
                            + "): expected " + expected + " " + expectedType + ", got " + answer.status() + " "
                            + abbreviate(answer.body()));
                }
            }
        }
        var after = bAsItsAdminSeesIt();
        System.out.printf("Cross-tenant matrix: %d requests (%d cases x 3 people of A against B's resources), %d leaks%n",
                requests, cases.size(), leaks.size());

        assertThat(leaks).as("leaks out of %d cross-tenant requests", requests).isEmpty();
        assertThat(after).as("B's data as B's admin reads it, after A's attempts").isEqualTo(before);
    }

    @Test
    void logging_in_or_switching_to_another_institution_is_answered_exactly_as_for_one_that_exists_nowhere() {
        var nowhere = UUID.randomUUID();
        for (var institution : List.of(b.id(), nowhere)) {
            var login = send(json(world.anonymous().post().uri("/api/sessions"),
                    Map.of("email", a.student().email(), "password", World.PASSWORD, "institutionId", institution)));
            var switched = send(json(a.student().client().post().uri("/api/sessions/institution"),
                    Map.of("institutionId", institution)));
            for (var answer : List.of(login, switched)) {
                assertThat(answer.status()).isEqualTo(403);
                assertThat(answer.type()).isEqualTo(PROBLEM_BASE + "not-a-member");
                assertThat(answer.body().replace(institution.toString(), "<id>"))
                        .isEqualTo(answer == login
                                ? send(json(world.anonymous().post().uri("/api/sessions"), Map.of("email",
                                        a.student().email(), "password", World.PASSWORD, "institutionId", nowhere)))
                                        .body().replace(nowhere.toString(), "<id>")
                                : send(json(a.student().client().post().uri("/api/sessions/institution"),
                                        Map.of("institutionId", nowhere))).body().replace(nowhere.toString(), "<id>"));
            }
        }
    }

    /** Everything of B that the attempts could change, as B's admin reads it. */
    private Map<String, Object> bAsItsAdminSeesIt() {
        var admin = b.admin().client();
        var seen = new LinkedHashMap<String, Object>();
        seen.put("institution", read(admin.get().uri("/api/institutions/{id}", b.id())));
        seen.put("members", read(admin.get().uri("/api/institutions/{id}/members?limit=100", b.id())));
        seen.put("courses", read(admin.get().uri("/api/courses?limit=100")));
        seen.put("course", read(admin.get().uri("/api/courses/{id}", bCourse)));
        seen.put("enrollments", read(admin.get().uri("/api/courses/{id}/enrollments?limit=100", bCourse)));
        seen.put("outline", read(admin.get().uri("/api/courses/{id}/outline", bCourse)));
        seen.put("student's outline", read(b.student().client().get().uri("/api/courses/{id}/outline", bCourse)));
        seen.put("progress", read(admin.get().uri("/api/courses/{id}/progress?limit=100", bCourse)));
        seen.put("student's progress", read(b.student().client().get().uri("/api/courses/{id}/progress/me", bCourse)));
        seen.put("profiles", read(admin.get().uri("/api/students/profiles?limit=100")));
        seen.put("post", read(admin.get().uri("/api/students/posts/{id}", bPost)));
        seen.put("comments", read(admin.get().uri("/api/students/posts/{id}/comments?limit=100", bPost)));
        seen.put("feed", read(b.instructor().client().get().uri("/api/students/feed?limit=100")));
        seen.put("gigs", read(admin.get().uri("/api/freelancing/gigs?limit=100")));
        seen.put("proposals", read(b.student().client().get().uri("/api/freelancing/gigs/{id}/proposals?limit=100", bGig)));
        seen.put("contract", read(b.student().client().get().uri("/api/freelancing/contracts/{id}", bContract)));
        seen.put("room", read(b.student().client().get().uri("/api/community/rooms/{id}", bRoom)));
        seen.put("messages", read(b.student().client().get().uri("/api/community/rooms/{id}/messages?limit=100", bRoom)));
        seen.put("article", read(admin.get().uri("/api/news/articles/{id}", bArticle)));
        seen.put("news drafts", read(admin.get().uri("/api/news/articles/drafts?limit=100")));
        seen.put("feedback", read(admin.get().uri("/api/feedback?subjectType=COURSE&subjectId={id}&limit=100", bCourse)));
        seen.put("feedback summary", read(admin.get().uri("/api/feedback/summary?subjectType=COURSE&subjectId={id}", bCourse)));
        seen.put("platform feedback", read(admin.get().uri("/api/feedback/summary?subjectType=PLATFORM")));
        seen.put("job feedback", read(admin.get().uri("/api/feedback?subjectType=JOB&subjectId={id}&limit=100", bRatedPosting)));
        seen.put("jobPosting", read(admin.get().uri("/api/jobs/{id}", bJobPosting)));
        seen.put("jobApplications", read(admin.get().uri("/api/jobs/{id}/applications?limit=100", bJobPosting)));
        seen.put("notifications", read(b.student().client().get().uri("/api/notifications?limit=100")));
        assertThat(seen.toString()).as("B's data").contains(b.student().accountId().toString(), "MATH", "ALG1", "Hello from B",
                "Well said");
        return seen;
    }

    private static Object read(RestTestClient.RequestHeadersSpec<?> request) {
        return request.exchange().expectStatus().isOk().expectBody(Object.class).returnResult().getResponseBody();
    }

    private static Answer send(RestTestClient.RequestHeadersSpec<?> request) {
        var result = request.exchange().expectBody(String.class).returnResult();
        var body = result.getResponseBody() == null ? "" : result.getResponseBody();
        var type = java.util.regex.Pattern.compile("\"type\"\\s*:\\s*\"([^\"]*)\"").matcher(body);
        return new Answer(result.getStatus().value(), type.find() ? type.group(1) : null, body);
    }

    private static Map.Entry<String, Person> role(String role, Person person) {
        return Map.entry(role, person);
    }

    private static String abbreviate(String body) {
        return body.length() <= 300 ? body : body.substring(0, 300) + "…";
    }

    /**
     * B's freelancing, its student the client and its instructor the freelancer: an open gig with a submitted proposal,
     * and an awarded gig whose active contract has a pending milestone.
     */
    private void freelancingOf(Institution institution) {
        var client = institution.student().client();
        var freelancer = institution.instructor().client();
        bGig = createdId(json(client.post().uri("/api/freelancing/gigs"), gigOf("Open gig of B")));
        bProposal = createdId(json(freelancer.post().uri("/api/freelancing/gigs/{id}/proposals", bGig),
                Map.of("price", Map.of("amountMinor", 1_000, "currency", "EUR"), "message", "Proposal of B")));
        var awarded = createdId(json(client.post().uri("/api/freelancing/gigs"), gigOf("Awarded gig of B")));
        var accepted = createdId(json(freelancer.post().uri("/api/freelancing/gigs/{id}/proposals", awarded),
                Map.of("price", Map.of("amountMinor", 2_000, "currency", "EUR"), "message", "Accepted of B")));
        bContract = UUID.fromString(String.valueOf(json(client.post().uri("/api/freelancing/proposals/{id}/status",
                accepted), Map.of("status", "ACCEPTED")).exchange().expectStatus().isOk().expectBody(Map.class)
                .returnResult().getResponseBody().get("contractId")));
        bMilestone = createdId(json(client.post().uri("/api/freelancing/contracts/{id}/milestones", bContract),
                Map.of("title", "Milestone of B", "amount", Map.of("amountMinor", 500, "currency", "EUR"),
                        "dueDate", "2030-01-01")));
    }

    private static Map<String, Object> gigOf(String title) {
        return Map.of("title", title, "description", "Work in B", "budgetMin", Map.of("amountMinor", 1_000,
                "currency", "EUR"), "budgetMax", Map.of("amountMinor", 5_000, "currency", "EUR"),
                "deadline", java.time.Instant.now().plusSeconds(86_400 * 30).toString());
    }

    private void freelancingCases(List<Case> list) {
        var nobody = Set.<String>of();
        var eur = Map.of("amountMinor", 1, "currency", "EUR");
        list.add(new Case("GET /api/freelancing/gigs/{id}", "read B's gig", nobody,
                p -> p.client().get().uri("/api/freelancing/gigs/{id}", bGig)));
        list.add(new Case("POST /api/freelancing/gigs/{id}/status", "withdraw B's gig", nobody,
                p -> json(p.client().post().uri("/api/freelancing/gigs/{id}/status", bGig), Map.of("status", "CLOSED"))));
        list.add(new Case("POST /api/freelancing/gigs/{id}/proposals", "propose on B's gig", nobody,
                p -> json(p.client().post().uri("/api/freelancing/gigs/{id}/proposals", bGig),
                        Map.of("price", eur, "message", "Planted"))));
        list.add(new Case("GET /api/freelancing/gigs/{id}/proposals", "list the proposals on B's gig", nobody,
                p -> p.client().get().uri("/api/freelancing/gigs/{id}/proposals?limit=100", bGig)));
        list.add(new Case("GET /api/freelancing/proposals/{id}", "read B's proposal", nobody,
                p -> p.client().get().uri("/api/freelancing/proposals/{id}", bProposal)));
        list.add(new Case("POST /api/freelancing/proposals/{id}/status", "accept B's proposal", nobody,
                p -> json(p.client().post().uri("/api/freelancing/proposals/{id}/status", bProposal),
                        Map.of("status", "ACCEPTED"))));
        list.add(new Case("POST /api/freelancing/proposals/{id}/status", "withdraw B's proposal", nobody,
                p -> json(p.client().post().uri("/api/freelancing/proposals/{id}/status", bProposal),
                        Map.of("status", "WITHDRAWN"))));
        list.add(new Case("GET /api/freelancing/contracts/{id}", "read B's contract", nobody,
                p -> p.client().get().uri("/api/freelancing/contracts/{id}", bContract)));
        list.add(new Case("POST /api/freelancing/contracts/{id}/status", "cancel B's contract", nobody,
                p -> json(p.client().post().uri("/api/freelancing/contracts/{id}/status", bContract),
                        Map.of("status", "CANCELLED"))));
        list.add(new Case("POST /api/freelancing/contracts/{id}/milestones", "add a milestone to B's contract", nobody,
                p -> json(p.client().post().uri("/api/freelancing/contracts/{id}/milestones", bContract),
                        Map.of("title", "Planted", "amount", eur, "dueDate", "2030-01-01"))));
        list.add(new Case("POST /api/freelancing/milestones/{id}/status", "deliver B's milestone", nobody,
                p -> json(p.client().post().uri("/api/freelancing/milestones/{id}/status", bMilestone),
                        Map.of("status", "DELIVERED"))));
    }

    /** B's student's public room, B's instructor a member of it too, and a message of B's student there. */
    private void communityOf(Institution institution) {
        bRoom = UUID.fromString(String.valueOf(json(institution.student().client().post().uri("/api/community/rooms"),
                Map.of("name", "B's lobby", "visibility", "PUBLIC")).exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id")));
        institution.instructor().client().put().uri("/api/community/rooms/{id}/membership", bRoom).exchange()
                .expectStatus().isNoContent();
        bMessage = UUID.fromString(String.valueOf(json(institution.student().client().post()
                .uri("/api/community/rooms/{id}/messages", bRoom), Map.of("body", "Hello room of B")).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id")));
    }

    private void communityCases(List<Case> list) {
        var nobody = Set.<String>of();
        list.add(new Case("PUT /api/community/rooms/{id}/read-position", "mark B's room read", nobody,
                p -> json(p.client().put().uri("/api/community/rooms/{id}/read-position", bRoom),
                        Map.of("messageId", bMessage))));
        list.add(new Case("GET /api/community/rooms/{id}/messages/{messageId}/readers", "read who read B's message",
                nobody, p -> p.client().get().uri("/api/community/rooms/{id}/messages/{m}/readers", bRoom, bMessage)));
        list.add(new Case("PUT /api/community/blocks/{accountId}", "block B's student", nobody,
                p -> p.client().put().uri("/api/community/blocks/{id}", b.student().accountId())));
        list.add(new Case("DELETE /api/community/blocks/{accountId}", "unblock B's student", nobody,
                p -> p.client().delete().uri("/api/community/blocks/{id}", b.student().accountId())));
        list.add(new Case("GET /api/community/rooms/{id}", "read B's room", nobody,
                p -> p.client().get().uri("/api/community/rooms/{id}", bRoom)));
        list.add(new Case("PUT /api/community/rooms/{id}/membership", "join B's public room", nobody,
                p -> p.client().put().uri("/api/community/rooms/{id}/membership", bRoom)));
        list.add(new Case("DELETE /api/community/rooms/{id}/membership", "leave B's room", nobody,
                p -> p.client().delete().uri("/api/community/rooms/{id}/membership", bRoom)));
        list.add(new Case("PUT /api/community/rooms/{id}/members/{accountId}", "add oneself to B's room", nobody,
                p -> p.client().put().uri("/api/community/rooms/{id}/members/{account}", bRoom, p.accountId())));
        list.add(new Case("POST /api/community/rooms/{id}/messages", "post in B's room", nobody,
                p -> json(p.client().post().uri("/api/community/rooms/{id}/messages", bRoom), Map.of("body", "Planted"))));
        list.add(new Case("GET /api/community/rooms/{id}/messages", "read B's room's messages", nobody,
                p -> p.client().get().uri("/api/community/rooms/{id}/messages?limit=100", bRoom)));
        list.add(new Case("PATCH /api/community/rooms/{id}/messages/{messageId}", "edit B's message", nobody,
                p -> json(p.client().patch().uri("/api/community/rooms/{id}/messages/{m}", bRoom, bMessage),
                        Map.of("version", 0, "body", "Defaced"))));
        list.add(new Case("DELETE /api/community/rooms/{id}/messages/{messageId}", "delete B's message", nobody,
                p -> p.client().delete().uri("/api/community/rooms/{id}/messages/{m}", bRoom, bMessage)));
        list.add(new Case("GET /api/community/rooms/{id}/stream", "stream B's room", nobody,
                p -> p.client().get().uri("/api/community/rooms/{id}/stream", bRoom)));
    }

    /** B's instructor's published article and draft. */
    private void newsOf(Institution institution) {
        var instructor = institution.instructor().client();
        bArticle = article(instructor, "News from B");
        instructor.post().uri("/api/news/articles/{id}/status", bArticle).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("status", "PUBLISHED")).exchange().expectStatus().isOk();
        bDraft = article(instructor, "Draft of B");
    }

    private static UUID article(RestTestClient client, String title) {
        return UUID.fromString(String.valueOf(client.post().uri("/api/news/articles")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("title", title, "body", "Only for B"))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id")));
    }

    private void newsCases(List<Case> list) {
        var staffOnly = Set.of("STUDENT");
        var nobody = Set.<String>of();
        list.add(new Case("GET /api/news/articles/{id}", "read B's published article", nobody,
                p -> p.client().get().uri("/api/news/articles/{id}", bArticle)));
        list.add(new Case("GET /api/news/articles/{id}", "read B's draft", nobody,
                p -> p.client().get().uri("/api/news/articles/{id}", bDraft)));
        list.add(new Case("PATCH /api/news/articles/{id}", "rewrite B's article", staffOnly,
                p -> json(p.client().patch().uri("/api/news/articles/{id}", bArticle),
                        Map.of("version", 1, "title", "Defaced"))));
        list.add(new Case("POST /api/news/articles/{id}/status", "publish B's draft", staffOnly,
                p -> json(p.client().post().uri("/api/news/articles/{id}/status", bDraft),
                        Map.of("status", "PUBLISHED"))));
        list.add(new Case("POST /api/news/articles/{id}/status", "retract B's article", staffOnly,
                p -> json(p.client().post().uri("/api/news/articles/{id}/status", bArticle),
                        Map.of("status", "RETRACTED", "reason", "Taken over"))));
    }

    /** B's instructor's open job posting, and B's student's application to it. */
    private void jobsOf(Institution institution) {
        var posting = UUID.fromString(String.valueOf(institution.instructor().client().post().uri("/api/jobs")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("title", "Job in B", "description", "Work in B",
                        "location", "B", "employmentType", "FULL_TIME", "closesAt",
                        java.time.Instant.now().plusSeconds(86_400).toString()))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id")));
        institution.instructor().client().post().uri("/api/jobs/{id}/status", posting)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("status", "OPEN")).exchange().expectStatus().isOk();
        bJobPosting = posting;
        bJobApplication = UUID.fromString(String.valueOf(institution.student().client().post()
                .uri("/api/jobs/{id}/applications", posting).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("coverLetter", "Hire me, B")).exchange().expectStatus().isCreated().expectBody(Map.class)
                .returnResult().getResponseBody().get("id")));
    }

    /** Only students apply: staff are refused whatever the posting, which reveals nothing of B. */
    private void jobsCases(List<Case> list) {
        var staffOnly = Set.of("STUDENT");
        var studentsOnly = Set.of("INSTITUTION_ADMIN", "INSTRUCTOR");
        var nobody = Set.<String>of();
        list.add(new Case("GET /api/jobs/{id}", "read B's job posting", nobody,
                p -> p.client().get().uri("/api/jobs/{id}", bJobPosting)));
        list.add(new Case("PATCH /api/jobs/{id}", "rewrite B's job posting", staffOnly,
                p -> json(p.client().patch().uri("/api/jobs/{id}", bJobPosting),
                        Map.of("version", 1, "title", "Defaced"))));
        list.add(new Case("POST /api/jobs/{id}/status", "close B's job posting", staffOnly,
                p -> json(p.client().post().uri("/api/jobs/{id}/status", bJobPosting), Map.of("status", "CLOSED"))));
        list.add(new Case("POST /api/jobs/{id}/applications", "apply to B's job posting", studentsOnly,
                p -> json(p.client().post().uri("/api/jobs/{id}/applications", bJobPosting),
                        Map.of("coverLetter", "Planted"))));
        list.add(new Case("GET /api/jobs/{id}/applications", "list the applications to B's job posting", staffOnly,
                p -> p.client().get().uri("/api/jobs/{id}/applications?limit=100", bJobPosting)));
        list.add(new Case("GET /api/jobs/applications/{id}", "read B's student's job application", nobody,
                p -> p.client().get().uri("/api/jobs/applications/{id}", bJobApplication)));
        list.add(new Case("POST /api/jobs/applications/{id}/status", "reject B's student's job application", nobody,
                p -> json(p.client().post().uri("/api/jobs/applications/{id}/status", bJobApplication),
                        Map.of("status", "REJECTED"))));
        list.add(new Case("POST /api/jobs/applications/{id}/status", "withdraw B's student's job application", nobody,
                p -> json(p.client().post().uri("/api/jobs/applications/{id}/status", bJobApplication),
                        Map.of("status", "WITHDRAWN"))));
    }

    /** B's student's rating of B's course, with a comment, and of an open job posting of B. */
    private void feedbackOf(Institution institution) {
        var student = institution.student().client();
        bFeedback = UUID.fromString(String.valueOf(student.post().uri("/api/feedback")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("subjectType", "COURSE", "subjectId", bCourse, "rating", 4, "comment", "Good course in B"))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id")));
        bRatedPosting = UUID.fromString(String.valueOf(institution.instructor().client().post().uri("/api/jobs")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("title", "Tutor", "description", "Tutors algebra", "location", "Library",
                        "employmentType", "PART_TIME", "closesAt", java.time.Instant.now().plusSeconds(30 * 86400).toString()))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id")));
        institution.instructor().client().post().uri("/api/jobs/{id}/status", bRatedPosting)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("status", "OPEN")).exchange().expectStatus().isOk();
        student.post().uri("/api/feedback").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("subjectType", "JOB", "subjectId", bRatedPosting, "rating", 5)).exchange()
                .expectStatus().isCreated();
    }

    /** B's course as a subject (hidden by row-level security in the courses module), and B's feedback itself. */
    private void feedbackCases(List<Case> list) {
        var nobody = Set.<String>of();
        var adminOnly = Set.of("INSTRUCTOR", "STUDENT");
        list.add(new Case("POST /api/feedback", "rate B's course", nobody,
                p -> json(p.client().post().uri("/api/feedback"),
                        Map.of("subjectType", "COURSE", "subjectId", bCourse, "rating", 1, "comment", "Planted"))));
        list.add(new Case("POST /api/feedback", "rate B's job posting", nobody,
                p -> json(p.client().post().uri("/api/feedback"),
                        Map.of("subjectType", "JOB", "subjectId", bRatedPosting, "rating", 1))));
        list.add(new Case("GET /api/feedback/summary", "read the summary of B's job posting's ratings", nobody,
                p -> p.client().get().uri("/api/feedback/summary?subjectType=JOB&subjectId={id}", bRatedPosting)));
        list.add(new Case("GET /api/feedback", "list the feedback on B's course", nobody,
                p -> p.client().get().uri("/api/feedback?subjectType=COURSE&subjectId={id}&limit=100", bCourse)));
        list.add(new Case("GET /api/feedback/summary", "read the summary of B's course's ratings", nobody,
                p -> p.client().get().uri("/api/feedback/summary?subjectType=COURSE&subjectId={id}", bCourse)));
        list.add(new Case("GET /api/feedback/{id}", "read B's feedback", nobody,
                p -> p.client().get().uri("/api/feedback/{id}", bFeedback)));
        list.add(new Case("POST /api/feedback/{id}/status", "hide B's feedback", adminOnly,
                p -> json(p.client().post().uri("/api/feedback/{id}/status", bFeedback), Map.of("status", "HIDDEN"))));
        list.add(new Case("GET /api/audit", "read the trail of B's feedback", adminOnly,
                p -> p.client().get().uri("/api/audit?entity=feedback.feedback&id={id}&limit=100", bFeedback))
                .answeredWithAnEmptyPage());
    }

    /** B's statistics, through B's id and through A's path naming B; and a metric, which is the platform admins'. */
    private void statisticsCases(List<Case> list) {
        var adminOnly = Set.of("INSTRUCTOR", "STUDENT");
        var everybody = Set.of("INSTITUTION_ADMIN", "INSTRUCTOR", "STUDENT");
        list.add(new Case("GET /api/statistics/institutions/{id}/overview", "read B's statistics", adminOnly,
                p -> p.client().get().uri("/api/statistics/institutions/{id}/overview", b.id())));
        list.add(new Case("GET /api/statistics/institutions/{id}/daily", "read B's daily enrollments", adminOnly,
                p -> p.client().get().uri("/api/statistics/institutions/{id}/daily?metric=enrollments&from={from}&to={to}",
                        b.id(), java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(7),
                        java.time.LocalDate.now(java.time.ZoneOffset.UTC))));
        list.add(new Case("GET /actuator/metrics/{requiredMetricName}", "read the statistics lag metric", everybody,
                p -> p.client().get().uri("/actuator/metrics/edumatrix.statistics.lag")));
    }

    /** The provider's subject and email are sealed in a real link; these bytes are never opened here. */
    private static UUID linkedIdentityOf(Person person) {
        var id = UUID.randomUUID();
        var random = new java.security.SecureRandom();
        var subjectIndex = new byte[32];
        random.nextBytes(subjectIndex);
        Sql.execute("INSERT INTO identity.linked_identity (id, account_id, registration, subject_index, subject,"
                + " created_at) VALUES (?, ?, 'testidp', ?, ?, now())", id, person.accountId(), subjectIndex,
                new byte[] {1, 2, 3});
        return id;
    }

    /** Waits for B's student's notifications of B's article and of their enrollment; registers a device of theirs. */
    @SuppressWarnings("unchecked")
    private void notificationsOf(Institution institution) throws InterruptedException {
        var student = institution.student().client();
        var deadline = java.time.Instant.now().plusSeconds(30);
        while (bBroadcast == null || bNotification == null) {
            assertThat(java.time.Instant.now()).as("B's student's notifications").isBefore(deadline);
            Thread.sleep(50);
            var items = (List<Map<String, Object>>) student.get().uri("/api/notifications?limit=100").exchange()
                    .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("items");
            for (var item : items) {
                var id = UUID.fromString((String) item.get("id"));
                switch ((String) item.get("category")) {
                    case "ARTICLE" -> bBroadcast = id;
                    case "ENROLLMENT" -> bNotification = id;
                    default -> { }
                }
            }
        }
        bDevice = UUID.fromString(String.valueOf(json(student.post().uri("/api/notifications/devices"),
                Map.of("token", "device-of-b", "platform", "ANDROID")).exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id")));
        // Nothing is made for B's student after this, so nothing is pushed to its (unreachable, loopback) endpoint.
        bSubscription = UUID.fromString(String.valueOf(json(student.post().uri("/api/notifications/push-subscriptions"),
                Map.of("endpoint", "http://127.0.0.1:9/push/b", "keys", Map.of("p256dh",
                        "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4",
                        "auth", "BTBZMqHH6r4Tts7J_aSIgg"))).exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id")));
    }

    private void notificationsCases(List<Case> list) {
        var nobody = Set.<String>of();
        list.add(new Case("POST /api/notifications/{id}/read", "mark B's broadcast read", nobody,
                p -> p.client().post().uri("/api/notifications/{id}/read", bBroadcast)));
        list.add(new Case("POST /api/notifications/{id}/read", "mark B's student's notification read", nobody,
                p -> p.client().post().uri("/api/notifications/{id}/read", bNotification)));
        list.add(new Case("DELETE /api/notifications/devices/{id}", "remove B's student's device", nobody,
                p -> p.client().delete().uri("/api/notifications/devices/{id}", bDevice)));
        list.add(new Case("DELETE /api/notifications/push-subscriptions/{id}", "remove B's student's push subscription",
                nobody, p -> p.client().delete().uri("/api/notifications/push-subscriptions/{id}", bSubscription)));
    }
}
