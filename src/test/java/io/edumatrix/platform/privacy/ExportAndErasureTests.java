package io.edumatrix.platform.privacy;

import static io.edumatrix.platform.testing.Api.createdId;
import static io.edumatrix.platform.testing.Erasures.awaitCompleted;
import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.platform.data.ModuleDatabase;
import io.edumatrix.platform.data.ModuleDatabases;
import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.testing.TestDatabase;
import io.edumatrix.platform.testing.World.Institution;
import io.edumatrix.platform.testing.World.Person;
import io.edumatrix.platform.testing.World;
import io.edumatrix.platform.web.HttpApplicationTest;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * ADR 0015 end to end: a person with data in every module (an account with sessions and a failed login, memberships of
 * two institutions, an enrollment in each) is exported with every module present, then erased. The request completes
 * with every module confirmed; afterwards no module schema holds a row about them or their email or name anywhere
 * (searched as the superuser), other people's data is as it was, and the person can neither log in nor refresh.
 */
@HttpApplicationTest
@IntegrationTest
class ExportAndErasureTests {

    private static final Duration COMPLETION_TIMEOUT = Duration.ofSeconds(30);
    private static final List<String> MODULES = List.of("identity", "institutions", "courses", "students", "freelancing",
            "community", "news", "jobs", "feedback", "statistics", "notifications");
    /**
     * Where an erased account's id may stay: its erasure request, the audit trail's acting account (append-only;
     * the id names nobody once the account and the person's key are gone), and each module's record of the accounts
     * erased from it, which keeps them from being written back. Partitions of the trail count too.
     */
    private static final String KEEPS_THE_ID = "identity\\.erasure_request\\.(account_id|requested_by)"
            + "|\\w+\\.audit_log\\w*\\.account_id|\\w+\\.erased_subject\\.account_id";

    @Autowired
    private RestTestClient http;
    @Autowired
    private ModuleDatabases modules;

    private record Subject(UUID accountId, String email, String displayName, Person inA, RestTestClient inB) {}

    @Test
    @SuppressWarnings("unchecked")
    void a_person_in_every_module_is_exported_then_erased_everywhere_and_nobody_else_is_touched() throws Exception {
        var world = new World(http);
        var a = world.institution();
        var b = world.institution();
        var subject = subjectIn(world, a, b);
        var admin = world.platformAdmin();

        // statistics records the subject's activity from events: its deliveries of A's and B's events done first.
        org.awaitility.Awaitility.await().atMost(COMPLETION_TIMEOUT).until(() -> io.edumatrix.platform.events.Outboxes
                .schemasWith("event_publication").stream().allMatch(schema -> io.edumatrix.platform.events.Outboxes
                        .count("SELECT 1 FROM " + schema + ".event_publication WHERE completion_date IS NULL"
                                + " AND listener_id LIKE 'io.edumatrix.statistics.%'"
                                + " AND serialized_event::jsonb ->> 'institutionId' IN (?, ?)",
                                a.id().toString(), b.id().toString()) == 0));
        var export = subject.inA().client().get().uri("/api/accounts/me/export").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(export).containsEntry("accountId", subject.accountId().toString()).containsKey("exportedAt");
        var parts = (Map<String, Map<String, Object>>) export.get("modules");
        assertThat(parts).containsOnlyKeys(MODULES);
        assertThat((Map<String, Object>) parts.get("identity").get("account"))
                .containsEntry("email", subject.email()).containsEntry("displayName", subject.displayName());
        assertThat((List<?>) parts.get("identity").get("sessions")).hasSize(2);
        assertThat((List<Map<String, Object>>) parts.get("identity").get("loginAttempts"))
                .extracting(attempt -> attempt.get("outcome")).contains("BAD_CREDENTIALS", "SUCCESS");
        assertThat((List<Map<String, Object>>) parts.get("institutions").get("memberships"))
                .extracting(m -> m.get("institutionId")).containsExactlyInAnyOrder(a.id().toString(), b.id().toString());
        assertThat((List<Map<String, Object>>) parts.get("courses").get("enrollments"))
                .extracting(e -> e.get("institutionId")).containsExactlyInAnyOrder(a.id().toString(), b.id().toString());
        var students = parts.get("students");
        assertThat((List<Map<String, Object>>) students.get("profiles")).extracting(p -> p.get("institutionId"))
                .containsExactlyInAnyOrder(a.id().toString(), b.id().toString());
        assertThat((List<Map<String, Object>>) students.get("profiles")).extracting(p -> p.get("headline"))
                .containsOnly("Headline of " + subject.displayName());
        assertThat((List<Map<String, Object>>) students.get("posts")).extracting(p -> p.get("body"))
                .containsOnly("Post of " + subject.displayName());
        assertThat((List<Map<String, Object>>) students.get("comments")).hasSize(2);
        assertThat((List<?>) students.get("likedPosts")).hasSize(2);
        assertThat((List<?>) students.get("followedProfiles")).hasSize(2);
        var freelancing = parts.get("freelancing");
        assertThat((List<Map<String, Object>>) freelancing.get("gigs")).extracting(g -> g.get("title"))
                .containsExactly("Gig of " + subject.displayName(), "Gig of " + subject.displayName());
        assertThat((List<Map<String, Object>>) freelancing.get("proposals")).extracting(p -> p.get("message"))
                .containsExactly("Proposal of " + subject.displayName(), "Proposal of " + subject.displayName());
        assertThat((List<Map<String, Object>>) freelancing.get("contracts")).extracting(c -> c.get("role"))
                .containsExactly("FREELANCER", "FREELANCER");
        var community = parts.get("community");
        assertThat((List<Map<String, Object>>) community.get("memberships")).extracting(m -> m.get("role"))
                .containsExactlyInAnyOrder("OWNER", "MEMBER", "OWNER", "MEMBER");
        assertThat((List<Map<String, Object>>) community.get("messages")).extracting(m -> m.get("body"))
                .containsExactly("Message of " + subject.displayName(), "Message of " + subject.displayName());
        assertThat((List<?>) community.get("mentionedIn")).hasSize(2);
        assertThat((List<?>) parts.get("news").get("authoredArticles")).hasSize(1);
        assertThat((List<Map<String, Object>>) parts.get("feedback").get("feedback"))
                .extracting(f -> f.get("institutionId"), f -> f.get("subjectType"), f -> f.get("rating"), f -> f.get("comment"))
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(a.id().toString(), "PLATFORM", 4,
                        "Feedback of " + subject.displayName()), org.assertj.core.groups.Tuple.tuple(b.id().toString(),
                        "PLATFORM", 4, "Feedback of " + subject.displayName()));
        assertThat((List<Map<String, Object>>) parts.get("jobs").get("applications")).extracting(j -> j.get("coverLetter"))
                .containsExactly("Cover letter of " + subject.displayName(), "Cover letter of " + subject.displayName());
        assertThat((List<Map<String, Object>>) parts.get("statistics").get("activeDays"))
                .extracting(d -> d.get("institutionId")).containsExactlyInAnyOrder(a.id().toString(), b.id().toString());
        var notifications = parts.get("notifications");
        assertThat((List<Map<String, Object>>) notifications.get("notifications")).extracting(n -> n.get("category"))
                .containsExactlyInAnyOrder("ENROLLMENT", "ENROLLMENT", "MENTION", "MENTION", "PROPOSAL", "PROPOSAL");
        assertThat((List<?>) notifications.get("read")).hasSize(1);
        assertThat((List<?>) notifications.get("mutedCategories")).hasSize(1);
        assertThat((List<Map<String, Object>>) notifications.get("devices")).extracting(d -> d.get("token"))
                .containsExactly("Device of " + subject.displayName());
        var byAdmin = admin.client().get().uri("/api/accounts/{id}/export", subject.accountId()).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat((Map<String, Object>) byAdmin.get("modules")).isEqualTo(parts);
        admin.client().get().uri("/api/accounts/{id}/export", UUID.randomUUID()).exchange().expectStatus().isNotFound();

        var othersBefore = othersData(subject.accountId());
        var accepted = subject.inA().client().post().uri("/api/accounts/me/erasure").exchange()
                .expectStatus().isAccepted().expectBody(Map.class).returnResult();
        var requestId = (String) accepted.getResponseBody().get("id");
        assertThat(accepted.getResponseHeaders().getLocation()).hasToString("/api/erasures/" + requestId);
        assertThat(accepted.getResponseBody()).containsEntry("accountId", subject.accountId().toString());
        assertThat((List<Map<String, Object>>) accepted.getResponseBody().get("modules"))
                .extracting(m -> m.get("module")).containsExactlyElementsOf(MODULES);

        var status = awaitCompleted(admin.client(), requestId);
        assertThat(status.get("completedAt")).isNotNull();
        assertThat((List<Map<String, Object>>) status.get("modules")).extracting(m -> m.get("module"))
                .containsExactlyElementsOf(MODULES);
        assertThat((List<Map<String, Object>>) status.get("modules")).allSatisfy(m ->
                assertThat(m.get("confirmedAt")).as("confirmation of %s", m.get("module")).isNotNull());
        a.student().client().get().uri("/api/erasures/{id}", requestId).exchange().expectStatus().isNotFound();

        assertThat(rowsAbout(subject.accountId())).as("rows naming the erased account, by schema.table.column")
                .containsKeys("identity.erasure_request.account_id", "identity.erasure_request.requested_by")
                .allSatisfy((column, rows) -> assertThat(column).as("a column that may keep the id")
                        .matches(KEEPS_THE_ID));
        assertThat(textsContaining(subject.email())).as("text and JSON values holding the email").isEmpty();
        assertThat(textsContaining(subject.displayName())).as("text and JSON values holding the name").isEmpty();
        assertThat(othersData(subject.accountId())).as("everyone else's data").isEqualTo(othersBefore);
        assertThat(io.edumatrix.platform.events.Outboxes.count("SELECT 1 FROM statistics.active_account_day"
                + " WHERE account_id = ?", a.student().accountId())).as("another student's active days").isPositive();
        assertThat(confirmationsByOutbox(requestId)).as("ErasureConfirmed publications, by the outbox holding them")
                .isEqualTo(MODULES.stream().collect(java.util.stream.Collectors.toMap(module -> module, module -> module)));

        world.anonymous().post().uri("/api/sessions").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("email", subject.email(), "password", World.PASSWORD)).exchange()
                .expectStatus().isUnauthorized();
        world.anonymous().post().uri("/api/sessions/refresh").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("refreshToken", subject.inA().refreshToken())).exchange().expectStatus().isUnauthorized();
        subject.inA().client().get().uri("/api/accounts/me").exchange().expectStatus().isUnauthorized();
        admin.client().post().uri("/api/accounts/{id}/erasure", subject.accountId()).exchange()
                .expectStatus().isNotFound();
        world.login(a.student().email(), World.PASSWORD, a.id());
    }

    @Test
    @SuppressWarnings("unchecked")
    void an_institutions_only_admin_is_erased_too_and_a_platform_admin_appoints_another() throws Exception {
        var world = new World(http);
        var institution = world.institution();
        var admin = world.platformAdmin();

        var requestId = (String) admin.client().post().uri("/api/accounts/{id}/erasure", institution.admin().accountId())
                .exchange().expectStatus().isAccepted().expectBody(Map.class).returnResult().getResponseBody().get("id");
        awaitCompleted(admin.client(), requestId);

        var members = admin.client().get().uri("/api/institutions/{id}/members?limit=100", institution.id()).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat((List<Map<String, Object>>) members.get("items")).extracting(m -> m.get("role"))
                .containsExactlyInAnyOrder("INSTRUCTOR", "STUDENT");
        admin.client().patch().uri("/api/institutions/{id}/members/{account}", institution.id(),
                institution.instructor().accountId()).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("role", "INSTITUTION_ADMIN")).exchange().expectStatus().isOk();
    }

    /**
     * A new account with a name and email of its own, a student of A and of B, logged in to each (two sessions), with a
     * failed login before, and enrolled in a course of each institution beside A's and B's own student.
     */
    private Subject subjectIn(World world, Institution a, Institution b) {
        var tag = UUID.randomUUID().toString().substring(0, 8);
        var email = "erin-" + tag + "@edumatrix.test";
        var name = "Erin Erasable " + tag;
        var id = UUID.fromString(String.valueOf(world.anonymous().post().uri("/api/accounts")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("email", email, "password", World.PASSWORD, "displayName", name))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id")));
        world.anonymous().post().uri("/api/sessions").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("email", email, "password", "not-the-password")).exchange().expectStatus().isUnauthorized();
        for (var institution : List.of(a, b)) {
            institution.admin().client().post().uri("/api/institutions/{id}/members", institution.id())
                    .contentType(MediaType.APPLICATION_JSON).body(Map.of("email", email, "role", "STUDENT"))
                    .exchange().expectStatus().isCreated();
        }
        var tokensInA = world.login(email, World.PASSWORD, a.id());
        var inA = new Person(id, email, tokensInA.accessToken(), tokensInA.refreshToken(),
                world.bearer(tokensInA.accessToken()));
        var inB = world.bearer(world.login(email, World.PASSWORD, b.id()).accessToken());
        for (var institution : List.of(a, b)) {
            var course = institution.instructor().client().post().uri("/api/courses")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("institutionId", institution.id(), "code", "GDPR" + tag, "title", "Privacy"))
                    .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody()
                    .get("id");
            for (var student : List.of(institution == a ? inA.client() : inB, institution.student().client())) {
                student.post().uri("/api/courses/{id}/enrollments", course).contentType(MediaType.APPLICATION_JSON)
                        .body(Map.of()).exchange().expectStatus().isCreated();
            }
        }
        for (var institution : List.of(a, b)) {
            studentsData(institution == a ? inA.client() : inB, institution.student().client(), name);
            communityData(institution == a ? inA.client() : inB, id, institution.student(), name);
            jobsData(institution, institution == a ? inA.client() : inB, name);
        }
        for (var institution : List.of(a, b)) {
            freelancingData(institution == a ? inA.client() : inB, institution.student().client(), name);
            feedbackData(institution == a ? inA.client() : inB, institution.student().client(), name);
        }
        newsData(id, a);
        notificationsData(inA.client(), inB, name);
        return new Subject(id, email, name, inA, inB);
    }

    /**
     * In students: the subject's profile and post, and their follow of, like of and comment under another student's
     * post; nobody else's row hangs on the subject's.
     */
    private static void studentsData(RestTestClient subject, RestTestClient other, String name) {
        var profile = createdId(other.post().uri("/api/students/profiles"), Map.of("headline", "Someone else"));
        var post = createdId(other.post().uri("/api/students/posts"), Map.of("body", "Someone else's post"));
        createdId(subject.post().uri("/api/students/profiles"), Map.of("headline", "Headline of " + name));
        createdId(subject.post().uri("/api/students/posts"), Map.of("body", "Post of " + name));
        subject.put().uri("/api/students/profiles/{id}/follow", profile).exchange().expectStatus().isNoContent();
        subject.put().uri("/api/students/posts/{id}/like", post).exchange().expectStatus().isOk();
        createdId(subject.post().uri("/api/students/posts/{id}/comments", post), Map.of("body", "Comment of " + name));
    }

    /**
     * In freelancing: the subject's gig, with no proposal on it, and the subject's proposal on another student's gig,
     * accepted, so that a contract links the two. Erasure keeps the contract and the other's link to it.
     */
    private static void freelancingData(RestTestClient subject, RestTestClient other, String name) {
        var eur = Map.of("amountMinor", 1_000, "currency", "EUR");
        var deadline = Instant.now().plus(Duration.ofDays(30)).toString();
        createdId(subject.post().uri("/api/freelancing/gigs"), Map.of("title", "Gig of " + name,
                "description", "Described by " + name, "budgetMin", eur, "budgetMax", eur, "deadline", deadline));
        var gig = createdId(other.post().uri("/api/freelancing/gigs"), Map.of("title", "Someone else's gig",
                "description", "Theirs", "budgetMin", eur, "budgetMax", eur, "deadline", deadline));
        var proposal = createdId(subject.post().uri("/api/freelancing/gigs/{id}/proposals", gig),
                Map.of("price", eur, "message", "Proposal of " + name));
        other.post().uri("/api/freelancing/proposals/{id}/status", proposal).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("status", "ACCEPTED")).exchange().expectStatus().isOk();
    }

    /**
     * In community: the subject's private room with another student added, and the other student's public room the
     * subject joined; in each, a message of the subject mentioning the other and one of the other mentioning them.
     */
    private static void communityData(RestTestClient subject, UUID subjectId, Person other, String name) {
        var own = createdId(subject.post().uri("/api/community/rooms"), Map.of("name", "Study group",
                "visibility", "PRIVATE"));
        subject.put().uri("/api/community/rooms/{id}/members/{account}", own, other.accountId()).exchange()
                .expectStatus().isNoContent();
        var theirs = createdId(other.client().post().uri("/api/community/rooms"), Map.of("name", "Lobby",
                "visibility", "PUBLIC"));
        subject.put().uri("/api/community/rooms/{id}/membership", theirs).exchange().expectStatus().isNoContent();
        createdId(subject.post().uri("/api/community/rooms/{id}/messages", own),
                Map.of("body", "Message of " + name, "mentions", List.of(other.accountId())));
        createdId(other.client().post().uri("/api/community/rooms/{id}/messages", theirs),
                Map.of("body", "Welcome", "mentions", List.of(subjectId)));
    }

    /**
     * In news: an article of A's that the subject wrote. Students write no news, so the row is made as the superuser,
     * as it would be for the staff member the subject once was.
     */
    private static void newsData(UUID subject, Institution institution) {
        try (var admin = TestDatabase.get().connectAsAdmin(); var insert = admin.prepareStatement(
                "WITH article AS (INSERT INTO news.article (id, version, institution_id, status, title, body, tags,"
                        + " created_at, updated_at, published_at) VALUES (gen_random_uuid(), 0, ?, 'PUBLISHED', 'News',"
                        + " 'Written by the subject', '{}', now(), now(), now()) RETURNING id, institution_id)"
                        + " INSERT INTO news.article_author (id, institution_id, article_id, account_id)"
                        + " SELECT gen_random_uuid(), institution_id, id, ? FROM article")) {
            insert.setObject(1, institution.id());
            insert.setObject(2, subject);
            assertThat(insert.executeUpdate()).isEqualTo(1);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    /** Every uuid column of every module schema that holds the id, with the number of rows. */
    private Map<String, Long> rowsAbout(UUID accountId) throws SQLException {
        return countWhere(List.of("uuid"), "%s = ?", accountId);
    }

    /** Every text or JSON column of every module schema with a value that contains the text, in any letter case. */
    private Map<String, Long> textsContaining(String text) throws SQLException {
        return countWhere(List.of("text", "character varying", "jsonb", "json"), "%s::text ILIKE '%%' || ? || '%%'",
                text);
    }

    private Map<String, Long> countWhere(List<String> types, String condition, Object value) throws SQLException {
        var found = new LinkedHashMap<String, Long>();
        try (var admin = TestDatabase.get().connectAsAdmin()) {
            var columns = new ArrayList<String>();
            try (var query = admin.prepareStatement("SELECT table_schema || '.' || table_name, column_name"
                    + " FROM information_schema.columns JOIN information_schema.tables USING (table_schema, table_name)"
                    + " WHERE table_type = 'BASE TABLE' AND table_schema = ANY (?) AND data_type = ANY (?)")) {
                query.setArray(1, admin.createArrayOf("text", modules.all().stream().map(ModuleDatabase::schema).toArray()));
                query.setArray(2, admin.createArrayOf("text", types.toArray()));
                try (var rows = query.executeQuery()) {
                    while (rows.next()) {
                        columns.add(rows.getString(1) + "." + rows.getString(2));
                    }
                }
            }
            assertThat(columns).as("columns searched").isNotEmpty();
            for (var column : columns) {
                var split = column.lastIndexOf('.');
                try (var count = admin.prepareStatement("SELECT count(*) FROM " + column.substring(0, split) + " WHERE "
                        + condition.formatted(column.substring(split + 1)))) {
                    count.setObject(1, value);
                    try (var rows = count.executeQuery()) {
                        rows.next();
                        if (rows.getLong(1) > 0) {
                            found.put(column, rows.getLong(1));
                        }
                    }
                }
            }
        }
        return found;
    }

    /** Accounts, memberships and enrollments of everyone but the person, as the superuser sees them. */
    private static Map<String, List<String>> othersData(UUID accountId) throws SQLException {
        var data = new LinkedHashMap<String, List<String>>();
        try (var admin = TestDatabase.get().connectAsAdmin()) {
            for (var query : List.of(
                    "SELECT id || ' ' || email || ' ' || display_name || ' ' || password_hash FROM identity.account"
                            + " WHERE id <> ? ORDER BY id",
                    "SELECT id || ' ' || institution_id || ' ' || account_id || ' ' || role FROM institutions.membership"
                            + " WHERE account_id <> ? ORDER BY id",
                    "SELECT id || ' ' || course_id || ' ' || student_id FROM courses.enrollment WHERE student_id <> ?"
                            + " ORDER BY id",
                    "SELECT id || ' ' || account_id || ' ' || encode(headline, 'hex') FROM students.profile"
                            + " WHERE account_id <> ? ORDER BY id",
                    "SELECT id || ' ' || author_account_id || ' ' || encode(body, 'hex') FROM students.post"
                            + " WHERE author_account_id <> ? ORDER BY id",
                    "SELECT id || ' ' || client_account_id || ' ' || encode(description, 'hex') FROM freelancing.gig"
                            + " WHERE client_account_id <> ? ORDER BY id",
                    "SELECT c.id || ' ' || c.status || ' ' || c.price_minor || ' ' || p.account_id || ' ' || p.role"
                            + " FROM freelancing.contract c JOIN freelancing.contract_party p ON p.contract_id = c.id"
                            + " WHERE p.account_id <> ? ORDER BY c.id",
                    "SELECT id || ' ' || author_account_id || ' ' || encode(body, 'hex') FROM community.message"
                            + " WHERE author_account_id <> ? ORDER BY id",
                    "SELECT id || ' ' || author_account_id || ' ' || rating || ' ' || encode(comment, 'hex')"
                            + " FROM feedback.feedback WHERE author_account_id <> ? ORDER BY id",
                    "SELECT id || ' ' || applicant_account_id || ' ' || status || ' ' || encode(cover_letter, 'hex')"
                            + " FROM jobs.job_application WHERE applicant_account_id <> ? ORDER BY id")) {
                try (var statement = admin.prepareStatement(query)) {
                    statement.setObject(1, accountId);
                    var rows = new ArrayList<String>();
                    try (var result = statement.executeQuery()) {
                        while (result.next()) {
                            rows.add(result.getString(1));
                        }
                    }
                    data.put(query, rows);
                }
            }
        }
        return data;
    }

    /** For each module schema holding an ErasureConfirmed of the request, the module the event names. */
    private Map<String, String> confirmationsByOutbox(String requestId) throws SQLException {
        var found = new LinkedHashMap<String, String>();
        try (var admin = TestDatabase.get().connectAsAdmin()) {
            for (var module : modules.all()) {
                try (var query = admin.prepareStatement("SELECT serialized_event::jsonb ->> 'module' FROM "
                        + module.schema() + ".event_publication WHERE event_type = ?"
                        + " AND serialized_event::jsonb ->> 'requestId' = ?")) {
                    query.setString(1, ErasureConfirmed.class.getName());
                    query.setString(2, requestId);
                    try (var rows = query.executeQuery()) {
                        while (rows.next()) {
                            assertThat(found.put(module.schema(), rows.getString(1))).as("second confirmation in %s",
                                    module.schema()).isNull();
                        }
                    }
                }
            }
        }
        return found;
    }

    /** In jobs: the subject's application to a posting of the institution's instructor, beside its own student's. */
    private static void jobsData(Institution institution, RestTestClient subject, String name) {
        var posting = createdId(institution.instructor().client().post().uri("/api/jobs"), Map.of("title", "Tutor",
                "description", "Tutors", "location", "Library", "employmentType", "PART_TIME", "closesAt",
                Instant.now().plus(Duration.ofDays(7)).toString()));
        institution.instructor().client().post().uri("/api/jobs/{id}/status", posting)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("status", "OPEN")).exchange().expectStatus().isOk();
        createdId(subject.post().uri("/api/jobs/{id}/applications", posting), Map.of("coverLetter", "Cover letter of "
                + name));
        createdId(institution.student().client().post().uri("/api/jobs/{id}/applications", posting),
                Map.of("coverLetter", "Someone else's letter"));
    }

    /** In feedback: the subject's and another student's rating of the platform, each with a comment. */
    private static void feedbackData(RestTestClient subject, RestTestClient other, String name) {
        createdId(other.post().uri("/api/feedback"), Map.of("subjectType", "PLATFORM", "rating", 2,
                "comment", "Someone else's feedback"));
        createdId(subject.post().uri("/api/feedback"), Map.of("subjectType", "PLATFORM", "rating", 4,
                "comment", "Feedback of " + name));
    }

    /**
     * In notifications: the subject's notifications of their enrollment, mention and accepted proposal in each
     * institution (awaited: they are made from events), one read, a category switched off in A and a device in A.
     */
    @SuppressWarnings("unchecked")
    private static void notificationsData(RestTestClient inA, RestTestClient inB, String name) {
        var deadline = Instant.now().plus(COMPLETION_TIMEOUT);
        for (var client : List.of(inA, inB)) {
            while (((List<?>) client.get().uri("/api/notifications?limit=100").exchange().expectStatus().isOk()
                    .expectBody(Map.class).returnResult().getResponseBody().get("items")).size() < 3) {
                assertThat(Instant.now()).as("the subject's notifications").isBefore(deadline);
                Thread.onSpinWait();
            }
        }
        var first = ((List<Map<String, Object>>) inA.get().uri("/api/notifications?limit=1").exchange().expectStatus()
                .isOk().expectBody(Map.class).returnResult().getResponseBody().get("items")).getFirst().get("id");
        inA.post().uri("/api/notifications/{id}/read", first).exchange().expectStatus().isNoContent();
        inA.put().uri("/api/notifications/preferences").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("ARTICLE", false)).exchange().expectStatus().isOk();
        createdId(inA.post().uri("/api/notifications/devices"), Map.of("token", "Device of " + name,
                "platform", "IOS"));
    }
}
