package io.edumatrix.platform.tenancy;

import static io.edumatrix.platform.testing.AppConnections.connect;
import static io.edumatrix.platform.testing.AppConnections.setTenant;
import static io.edumatrix.platform.testing.Sql.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.edumatrix.platform.data.ModuleDatabase;
import io.edumatrix.platform.data.ModuleDatabases;
import io.edumatrix.platform.testing.AppConnections;
import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.testing.TestDatabase;
import io.edumatrix.platform.testing.World;
import io.edumatrix.platform.web.HttpApplicationTest;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * PostgreSQL itself keeps institutions apart, whatever the application sends: logged in as each module's app role,
 * with raw SQL, every tenant-owned table shows nothing without a tenant, only the tenant's rows with one, and refuses
 * to write another tenant's rows, and no setting it sets by hand widens that. Two institutions fill every tenant-owned
 * table through the API first.
 */
@HttpApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@IntegrationTest
class RowLevelSecurityTests {

    private static final String RLS_VIOLATION = "42501";

    @Autowired
    private RestTestClient http;
    @Autowired
    private ModuleDatabases modules;

    private UUID a;
    private UUID b;

    @BeforeAll
    void twoInstitutionsWithDataInEveryTenantOwnedTable() throws Exception {
        var world = new World(http);
        a = fill(world);
        b = fill(world);
        // Deactivation closes enrollment, recorded asynchronously by the courses module's listener.
        var admin = world.platformAdmin();
        for (var institution : List.of(a, b)) {
            admin.client().post().uri("/api/institutions/{id}/deactivation", institution).exchange()
                    .expectStatus().isOk();
        }
        var deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (adminCount("courses.enrollment_closure", b) == 0 || adminCount("courses.enrollment_closure", a) == 0) {
            assertThat(Instant.now()).as("enrollment closures recorded").isBefore(deadline);
            Thread.sleep(50);
        }
        // statistics: its read model is written by its listeners of the events above, and of those the deactivations'
        // listeners publish (closed postings and gigs); with no delivery of A's or B's left, twice in a row (a listener
        // writes its own publications before its delivery completes), its tables change no more while the tests count.
        for (int clean = 0; clean < 2; ) {
            assertThat(Instant.now()).as("events delivered").isBefore(deadline);
            clean = io.edumatrix.platform.events.Outboxes.schemasWith("event_publication").stream().allMatch(schema ->
                    io.edumatrix.platform.events.Outboxes.count("SELECT 1 FROM " + schema + ".event_publication"
                            + " WHERE completion_date IS NULL AND serialized_event::jsonb ->> 'institutionId' IN (?, ?)",
                            a.toString(), b.toString()) == 0) ? clean + 1 : 0;
            Thread.sleep(50);
        }
    }

    private static UUID fill(World world) {
        var institution = world.institution();
        var admin = institution.admin().client();
        admin.post().uri("/api/institutions/{id}/departments", institution.id()).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", "Mathematics", "code", "MATH")).exchange().expectStatus().isCreated();
        var course = institution.instructor().client().post().uri("/api/courses").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("institutionId", institution.id(), "code", "ALG1", "title", "Algebra"))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        institution.student().client().post().uri("/api/courses/{id}/enrollments", course)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of()).exchange().expectStatus().isCreated();
        fillLearning(institution, course);
        fillStudents(institution);
        fillFreelancing(institution);
        fillCommunity(institution);
        fillNews(institution);
        fillFeedback(institution, course);
        fillJobs(institution);
        fillNotifications(institution);
        return institution.id();
    }

    /** A section with a published lesson, which the enrolled student completes: their progress and certificate. */
    private static void fillLearning(World.Institution institution, Object course) {
        var staff = institution.instructor().client();
        var section = staff.post().uri("/api/courses/{id}/sections", course).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("title", "Basics")).exchange().expectStatus().isCreated().expectBody(Map.class)
                .returnResult().getResponseBody().get("id");
        var lesson = staff.post().uri("/api/courses/{id}/sections/{section}/lessons", course, section)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("title", "Welcome", "kind", "TEXT", "body", "Hello"))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        staff.post().uri("/api/courses/{id}/lessons/{lesson}/status", course, lesson).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("status", "PUBLISHED")).exchange().expectStatus().isOk();
        institution.student().client().put().uri("/api/courses/{id}/lessons/{lesson}/completion", course, lesson)
                .exchange().expectStatus().isNoContent();
    }

    /** The student's room, the instructor a member mentioned in the student's message. */
    private static void fillCommunity(World.Institution institution) {
        var student = institution.student().client();
        var room = student.post().uri("/api/community/rooms").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", "Lobby", "visibility", "PUBLIC")).exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
        institution.instructor().client().put().uri("/api/community/rooms/{id}/membership", room).exchange()
                .expectStatus().isNoContent();
        // The instructor's mention below then waits for their daily digest (an email_digest_entry).
        institution.instructor().client().put().uri("/api/notifications/preferences/delivery")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("MENTION", Map.of("email", "DAILY"))).exchange()
                .expectStatus().isOk();
        var message = student.post().uri("/api/community/rooms/{id}/messages", room)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("body", "Hello", "mentions", java.util.List.of(institution.instructor().accountId())))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        institution.instructor().client().put().uri("/api/community/rooms/{id}/read-position", room)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("messageId", message)).exchange().expectStatus()
                .isNoContent();
        student.put().uri("/api/community/blocks/{id}", institution.admin().accountId()).exchange().expectStatus()
                .isNoContent();
    }

    /** Profiles of the student and the instructor; the instructor follows the student, likes and comments a post. */
    private static void fillStudents(World.Institution institution) {
        var student = institution.student().client();
        var instructor = institution.instructor().client();
        var profile = student.post().uri("/api/students/profiles").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("headline", "Maths")).exchange().expectStatus().isCreated().expectBody(Map.class)
                .returnResult().getResponseBody().get("id");
        instructor.post().uri("/api/students/profiles").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("headline", "Teaching")).exchange().expectStatus().isCreated();
        instructor.put().uri("/api/students/profiles/{id}/follow", profile).exchange().expectStatus().isNoContent();
        var post = student.post().uri("/api/students/posts").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("body", "First post")).exchange().expectStatus().isCreated().expectBody(Map.class)
                .returnResult().getResponseBody().get("id");
        instructor.put().uri("/api/students/posts/{id}/like", post).exchange().expectStatus().isOk();
        instructor.post().uri("/api/students/posts/{id}/comments", post).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("body", "Nice")).exchange().expectStatus().isCreated();
    }

    /** A gig of the student's with the instructor's accepted proposal: its contract, both parties and a milestone. */
    private static void fillFreelancing(World.Institution institution) {
        var client = institution.student().client();
        var eur = Map.of("amountMinor", 1_000, "currency", "EUR");
        var gig = client.post().uri("/api/freelancing/gigs").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("title", "Logo", "description", "A logo", "budgetMin", eur, "budgetMax", eur,
                        "deadline", Instant.now().plus(Duration.ofDays(30)).toString()))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        var proposal = institution.instructor().client().post().uri("/api/freelancing/gigs/{id}/proposals", gig)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("price", eur, "message", "Me"))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        var contract = client.post().uri("/api/freelancing/proposals/{id}/status", proposal)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("status", "ACCEPTED"))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("contractId");
        client.post().uri("/api/freelancing/contracts/{id}/milestones", contract).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("title", "Draft", "amount", eur, "dueDate", "2030-01-01")).exchange()
                .expectStatus().isCreated();
    }

    @TestFactory
    Stream<DynamicTest> every_app_role_sees_no_tenant_owned_row_without_a_tenant() {
        return cases((module, table) -> dynamicTest(module.appRole() + " sees no row of " + table + " without a tenant",
                () -> {
                    assertThat(adminCount(table, a) + adminCount(table, b)).as("rows that exist").isPositive();
                    try (var app = connect(module)) {
                        assertThat(count(app, "SELECT count(*) FROM " + table)).isZero();
                    }
                }));
    }

    @TestFactory
    Stream<DynamicTest> with_a_tenant_set_an_app_role_sees_exactly_that_tenants_rows() {
        return cases((module, table) -> dynamicTest(module.appRole() + " sees only A's rows of " + table, () -> {
            try (var app = connect(module)) {
                app.setAutoCommit(false);
                setTenant(app, module, a);
                assertThat(count(app, "SELECT count(*) FROM " + table)).isEqualTo(adminCount(table, a)).isPositive();
                assertThat(count(app, "SELECT count(*) FROM " + table + " WHERE institution_id <> '" + a + "'")).isZero();
                app.rollback();
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> an_app_role_cannot_insert_a_row_without_a_tenant_or_for_another_tenant() {
        return cases((module, table) -> dynamicTest(module.appRole() + " cannot insert B's row of " + table, () -> {
            var copyOfB = rowAsJson(table, b);
            try (var app = connect(module)) {
                app.setAutoCommit(false);
                assertRefused(app, insertFromJson(table), copyOfB);
                app.rollback();
                setTenant(app, module, a);
                assertRefused(app, insertFromJson(table), copyOfB);
                app.rollback();
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> an_app_role_cannot_change_another_tenants_rows_or_move_its_own_there() {
        return cases((module, table) -> dynamicTest(module.appRole() + " cannot touch B's rows of " + table, () -> {
            try (var app = connect(module)) {
                app.setAutoCommit(false);
                setTenant(app, module, a);
                try (var statement = app.createStatement()) {
                    assertThat(statement.executeUpdate("UPDATE " + table + " SET institution_id = institution_id"
                            + " WHERE institution_id = '" + b + "'")).as("B's rows updated").isZero();
                    assertThat(statement.executeUpdate("DELETE FROM " + table + " WHERE institution_id = '" + b + "'"))
                            .as("B's rows deleted").isZero();
                }
                assertRefused(app, "UPDATE " + table + " SET institution_id = ?::uuid", b.toString());
                app.rollback();
            }
            assertThat(adminCount(table, b)).isPositive();
        }));
    }

    /**
     * The audit trail is neither tenant-owned nor global (ADR 0014): its entries of a tenant-owned table carry the
     * row's institution, those of a global table none. An app role reads an institution's entries with that tenant set,
     * nothing without one, and everything only with the scope the platform sets for platform admins.
     */
    @TestFactory
    Stream<DynamicTest> an_app_role_reads_only_its_tenants_audit_entries_unless_the_platform_widens_the_scope() {
        return modules.all().stream().map(module -> dynamicTest(module.appRole() + " reads A's audit entries only", () -> {
            var log = module.schema() + ".audit_log";
            long last = count("SELECT max(id) FROM " + log);
            var upToLast = "SELECT count(*) FROM " + log + " WHERE id <= " + last;
            try (var app = connect(module)) {
                app.setAutoCommit(false);
                assertThat(count(app, upToLast)).as("without a tenant").isZero();
                app.rollback();
                setTenant(app, module, a);
                assertThat(count(app, upToLast)).as("with A as the tenant")
                        .isEqualTo(count(upToLast + " AND institution_id = '" + a + "'"));
                assertThat(count(app, upToLast + " AND institution_id IS DISTINCT FROM '" + a + "'")).isZero();
                app.rollback();
                AppConnections.set(app, "app.audit_scope",
                        AppConnections.sign(module, "app.audit_scope", "all", System.currentTimeMillis()));
                assertThat(count(app, upToLast)).as("with the platform admin's scope")
                        .isEqualTo(count(upToLast)).isPositive();
                app.rollback();
            }
        }));
    }

    /**
     * The settings the policies trust cannot be set by hand (ADR 0026). In a transaction of A, each module's app role
     * sets each of them to a value that would show B's rows, B's people or every audit entry: plainly, signed with a
     * wrong key, signed for another setting, signed with another module's key, or signed two minutes ago (replayed);
     * none shows a row beyond A's. The same values signed as the platform signs them do, so the probe could fail. The
     * app role reads the key only wrapped under the master key, never the padded keys that would let it sign.
     */
    @TestFactory
    Stream<DynamicTest> no_app_role_sees_more_by_setting_a_trusted_setting_by_hand() throws SQLException {
        var peopleOfB = peopleOf(b);
        var targets = new java.util.LinkedHashMap<String, List<String>>();
        targets.put(TenantPolicies.INSTITUTION_SETTING, List.of(b.toString()));
        targets.put(TenantPolicies.ACCOUNT_SETTING, peopleOfB);
        targets.put(TenantPolicies.DATA_SUBJECT_SETTING, peopleOfB);
        targets.put(AuditScope.SETTING, List.of("all"));
        var wrongKey = new SettingsSigner(UUID.randomUUID().toString().substring(0, 32).getBytes());
        return modules.all().stream().map(module -> dynamicTest(module.appRole() + " forges no setting", () -> {
            var another = modules.all().stream().filter(m -> m != module).findFirst().orElseThrow();
            var beyondA = beyondA(module);
            long seenWhenSigned = 0;
            try (var app = connect(module)) {
                app.setAutoCommit(false);
                assertThat(count(app, "SELECT count(wrapped_key) FROM settings_key")).as("the wrapped key").isOne();
                try (var statement = app.createStatement()) {
                    assertThatThrownBy(() -> statement.executeQuery("SELECT inner_pad, outer_pad FROM settings_key"))
                            .as("the padded keys").isInstanceOf(SQLException.class)
                            .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo(RLS_VIOLATION));
                }
                app.rollback();
                for (var target : targets.entrySet()) {
                    var setting = target.getKey();
                    for (var value : target.getValue()) {
                        var now = System.currentTimeMillis();
                        var forgeries = Map.of(
                                "plain", value,
                                "signed with a wrong key", wrongKey.sign(setting, value),
                                "signed for another setting", AppConnections.sign(module, anotherSetting(setting), value, now),
                                "signed with another module's key", AppConnections.sign(another, setting, value, now),
                                "signed two minutes ago", AppConnections.sign(module, setting, value, now - 120_000));
                        for (var forgery : forgeries.entrySet()) {
                            setTenant(app, module, a);
                            assertThat(count(app, beyondA)).as("before %s", setting).isZero();
                            AppConnections.set(app, setting, forgery.getValue());
                            assertThat(count(app, beyondA)).as("%s = %s, %s", setting, value, forgery.getKey()).isZero();
                            app.rollback();
                        }
                        setTenant(app, module, a);
                        AppConnections.set(app, setting, AppConnections.sign(module, setting, value, now));
                        seenWhenSigned += count(app, beyondA);
                        app.rollback();
                    }
                }
            }
            assertThat(seenWhenSigned).as("rows beyond A's with the values signed as the platform signs").isPositive();
        }));
    }

    private static String anotherSetting(String setting) {
        return setting.equals(TenantPolicies.ACCOUNT_SETTING) ? TenantPolicies.DATA_SUBJECT_SETTING
                : TenantPolicies.ACCOUNT_SETTING;
    }

    /** The rows of the module's tenant-owned tables and audit trail that are not A's. */
    private String beyondA(ModuleDatabase module) {
        var counts = new ArrayList<String>();
        for (var table : TenantPolicies.declaredBy(module.basePackage(), getClass().getClassLoader())) {
            counts.add("(SELECT count(*) FROM " + module.schema() + "." + table + " WHERE institution_id <> '" + a + "')");
        }
        counts.add("(SELECT count(*) FROM " + module.schema() + ".audit_log WHERE institution_id IS DISTINCT FROM '"
                + a + "')");
        return "SELECT " + String.join(" + ", counts);
    }

    /** The accounts of the institution's members, as the admin reads them. */
    private static List<String> peopleOf(UUID institution) throws SQLException {
        var people = new ArrayList<String>();
        try (var admin = TestDatabase.get().connectAsAdmin(); var query = admin.prepareStatement(
                "SELECT account_id::text FROM institutions.membership WHERE institution_id = ? ORDER BY role LIMIT 2")) {
            query.setObject(1, institution);
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    people.add(rows.getString(1));
                }
            }
        }
        assertThat(people).as("members of %s", institution).hasSize(2);
        return people;
    }

    private interface Case {
        DynamicTest of(ModuleDatabase module, String table);
    }

    private Stream<DynamicTest> cases(Case test) {
        var tests = new ArrayList<DynamicTest>();
        for (var module : modules.all()) {
            for (var table : TenantPolicies.declaredBy(module.basePackage(), getClass().getClassLoader())) {
                tests.add(test.of(module, module.schema() + "." + table));
            }
        }
        assertThat(tests).as("tenant-owned tables").isNotEmpty();
        return tests.stream();
    }

    /** Names its columns: a generated column (news.article's search vector) takes no value of its own. */
    private static String insertFromJson(String table) throws SQLException {
        var columns = insertableColumns(table);
        return "INSERT INTO " + table + " (" + columns + ") SELECT " + columns + " FROM json_populate_record(NULL::"
                + table + ", ?::json)";
    }

    private static String insertableColumns(String table) throws SQLException {
        try (var admin = TestDatabase.get().connectAsAdmin(); var query = admin.prepareStatement(
                "SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum) FROM pg_attribute"
                        + " WHERE attrelid = ?::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = ''")) {
            query.setString(1, table);
            try (var row = query.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    /** One of the tenant's rows as JSON, with a new id, as the admin (who is not subject to RLS) reads it. */
    private static String rowAsJson(String table, UUID institution) throws SQLException {
        try (var admin = TestDatabase.get().connectAsAdmin(); var query = admin.prepareStatement(
                "SELECT (row_to_json(t)::jsonb || jsonb_build_object('id', gen_random_uuid()))::text FROM " + table
                        + " t WHERE institution_id = ? LIMIT 1")) {
            query.setObject(1, institution);
            try (var row = query.executeQuery()) {
                assertThat(row.next()).as("a row of %s in %s", institution, table).isTrue();
                return row.getString(1);
            }
        }
    }

    private static void assertRefused(Connection app, String sql, String parameter) throws SQLException {
        var savepoint = app.setSavepoint();
        try (var statement = app.prepareStatement(sql)) {
            statement.setString(1, parameter);
            assertThatThrownBy(statement::executeUpdate).isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).as(((SQLException) e).getMessage())
                            .isEqualTo(RLS_VIOLATION));
        } finally {
            app.rollback(savepoint);
        }
    }

    private static long adminCount(String table, UUID institution) {
        return count("SELECT count(*) FROM " + table + " WHERE institution_id = ?", institution);
    }

    /** A published article of the instructor's: an article and its author row. */
    private static void fillNews(World.Institution institution) {
        var instructor = institution.instructor().client();
        var article = instructor.post().uri("/api/news/articles").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("title", "News", "body", "Of the institution", "tags", List.of("news"))).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        instructor.post().uri("/api/news/articles/{id}/status", article).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("status", "PUBLISHED")).exchange().expectStatus().isOk();
    }

    /** The instructor's job posting (with its poster and words), opened, and the student's application to it. */
    private static void fillJobs(World.Institution institution) {
        var instructor = institution.instructor().client();
        var posting = instructor.post().uri("/api/jobs").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("title", "Tutor", "description", "Tutors algebra", "location", "Library", "employmentType",
                        "PART_TIME", "closesAt", Instant.now().plus(Duration.ofDays(7)).toString()))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        instructor.post().uri("/api/jobs/{id}/status", posting).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("status", "OPEN")).exchange().expectStatus().isOk();
        institution.student().client().post().uri("/api/jobs/{id}/applications", posting)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("coverLetter", "I like algebra")).exchange()
                .expectStatus().isCreated();
    }

    /** The student's rating of the course and the instructor's of the platform. */
    private static void fillFeedback(World.Institution institution, Object course) {
        institution.student().client().post().uri("/api/feedback").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("subjectType", "COURSE", "subjectId", course, "rating", 4, "comment", "Good"))
                .exchange().expectStatus().isCreated();
        institution.instructor().client().post().uri("/api/feedback").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("subjectType", "PLATFORM", "rating", 3)).exchange().expectStatus().isCreated();
    }

    /**
     * The student's notifications (their enrollment, the article's broadcast: made from events, so awaited), one read,
     * a category switched off, a device, a delivery preference and a browser's push subscription.
     */
    @SuppressWarnings("unchecked")
    private static void fillNotifications(World.Institution institution) {
        var student = institution.student().client();
        var deadline = Instant.now().plus(Duration.ofSeconds(20));
        List<Map<String, Object>> items;
        while ((items = (List<Map<String, Object>>) student.get().uri("/api/notifications").exchange().expectStatus()
                .isOk().expectBody(Map.class).returnResult().getResponseBody().get("items")).size() < 2) {
            assertThat(Instant.now()).as("the student's notifications").isBefore(deadline);
            Thread.onSpinWait();
        }
        while (((List<?>) institution.instructor().client().get().uri("/api/notifications").exchange().expectStatus()
                .isOk().expectBody(Map.class).returnResult().getResponseBody().get("items")).isEmpty()) {
            assertThat(Instant.now()).as("the instructor's mention").isBefore(deadline);
            Thread.onSpinWait();
        }
        student.post().uri("/api/notifications/{id}/read", items.getFirst().get("id")).exchange().expectStatus()
                .isNoContent();
        student.put().uri("/api/notifications/preferences").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("MENTION", false)).exchange().expectStatus().isOk();
        student.post().uri("/api/notifications/devices").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("token", "device", "platform", "WEB")).exchange().expectStatus().isCreated();
        student.put().uri("/api/notifications/preferences/delivery").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("ARTICLE", Map.of("push", false))).exchange().expectStatus().isOk();
        // Registered last: no notification is made for the student after it, so nothing is ever pushed to it.
        student.post().uri("/api/notifications/push-subscriptions").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("endpoint", "http://127.0.0.1:9/push/rls", "keys", Map.of("p256dh",
                        "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4",
                        "auth", "BTBZMqHH6r4Tts7J_aSIgg"))).exchange().expectStatus().isCreated();
    }
}
