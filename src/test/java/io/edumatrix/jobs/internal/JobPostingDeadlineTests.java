package io.edumatrix.jobs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.testing.TestDatabase;
import io.edumatrix.platform.testing.World;
import io.edumatrix.platform.web.HttpApplicationTest;
import io.edumatrix.platform.web.Problem;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * A posting past its closing time, over HTTP and the sweep against the database: read and listed as CLOSED at once,
 * stored CLOSED by the sweep, and JobPostingClosed published once, through the module's outbox.
 */
@IntegrationTest
@HttpApplicationTest
class JobPostingDeadlineTests {

    @Autowired
    private RestTestClient anonymous;
    @Autowired
    private JobPostingDeadlines deadlines;

    private RestTestClient instructor;
    private RestTestClient student;

    @BeforeEach
    void anInstitutionWithAnInstructorAndAStudent() {
        var school = new World(anonymous).institution();
        instructor = school.instructor().client();
        student = school.student().client();
    }

    @Test
    void a_job_posting_past_its_closing_time_is_read_and_listed_closed_and_its_closing_published_once()
            throws Exception {
        var id = openPosting();
        assertThat(read(student, "/api/jobs/" + id)).containsEntry("status", "OPEN");

        sql("UPDATE jobs.job_posting SET closes_at = now() - interval '1 minute' WHERE id = '" + id + "'::uuid");

        assertThat(read(student, "/api/jobs/" + id)).containsEntry("status", "CLOSED");
        assertThat(ids(read(student, "/api/jobs"))).doesNotContain(id);
        assertThat(ids(read(instructor, "/api/jobs?status=OPEN"))).doesNotContain(id);
        assertThat(ids(read(instructor, "/api/jobs?status=CLOSED"))).contains(id);
        Problem.expect(student.post().uri("/api/jobs/{id}/applications", id).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("coverLetter", "Late")).exchange(), HttpStatus.UNPROCESSABLE_CONTENT, "posting-closed");

        deadlines.closeDue();
        var published = closingsPublished(id);
        deadlines.closeDue();

        assertThat(stored(id)).isEqualTo("CLOSED 2");
        assertThat(published).as("JobPostingClosed publications of the posting, by listener").isNotEmpty()
                .allSatisfy(count -> assertThat(count).isOne());
        assertThat(closingsPublished(id)).isEqualTo(published);
        assertThat(count("SELECT count(*) FROM jobs.job_posting_deadline WHERE posting_id = '" + id + "'::uuid"))
                .isZero();
        assertThat(read(student, "/api/jobs/" + id)).containsEntry("status", "CLOSED").containsEntry("version", 2);
    }

    private String openPosting() {
        var created = instructor.post().uri("/api/jobs").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("title", "Night porter", "description", "Keeps the doors", "location", "Gate 1",
                        "employmentType", "PART_TIME", "closesAt", Instant.now().plus(1, ChronoUnit.DAYS).toString()))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        var id = String.valueOf(created.get("id"));
        instructor.post().uri("/api/jobs/{id}/status", id).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("status", "OPEN")).exchange().expectStatus().isOk();
        return id;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> read(RestTestClient client, String uri) {
        return client.get().uri(uri).exchange().expectStatus().isOk().expectBody(Map.class).returnResult()
                .getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> ids(Map<String, Object> page) {
        return ((List<Map<String, Object>>) page.get("items")).stream().map(item -> item.get("id")).toList();
    }

    /** The posting's stored status and version. */
    private static String stored(String id) throws Exception {
        try (var db = TestDatabase.get().connectAsAdmin(); var query = db.createStatement();
                var row = query.executeQuery("SELECT status || ' ' || version FROM jobs.job_posting WHERE id = '"
                        + id + "'::uuid")) {
            assertThat(row.next()).isTrue();
            return row.getString(1);
        }
    }

    /** How many JobPostingClosed publications of the posting each listener has in the module's outbox. */
    private static List<Long> closingsPublished(String id) throws Exception {
        var counts = new ArrayList<Long>();
        try (var db = TestDatabase.get().connectAsAdmin(); var query = db.prepareStatement(
                "SELECT count(*) FROM jobs.event_publication WHERE event_type LIKE '%JobPostingClosed'"
                        + " AND serialized_event LIKE ? GROUP BY listener_id ORDER BY listener_id")) {
            query.setString(1, "%" + id + "%");
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    counts.add(rows.getLong(1));
                }
            }
        }
        return counts;
    }

    private static long count(String sql) throws Exception {
        try (var db = TestDatabase.get().connectAsAdmin(); var query = db.createStatement();
                var row = query.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static void sql(String statement) throws Exception {
        try (var db = TestDatabase.get().connectAsAdmin(); var update = db.createStatement()) {
            assertThat(update.executeUpdate(statement)).isOne();
        }
    }
}
