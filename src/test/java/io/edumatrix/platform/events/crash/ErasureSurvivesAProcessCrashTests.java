package io.edumatrix.platform.events.crash;

import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.platform.privacy.ErasureConfirmed;
import io.edumatrix.platform.privacy.ErasureRequested;
import io.edumatrix.platform.testing.ApplicationProcess;
import io.edumatrix.platform.testing.CrashHarness;
import io.edumatrix.platform.testing.Erasures;
import io.edumatrix.platform.testing.ProcessTest;
import io.edumatrix.platform.testing.World;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * ADR 0015: an erasure killed part-way (SIGKILL) resumes after a restart and completes, with every module's effect and
 * confirmation exactly once. In the first process ({@link ErasureCrashProbe}) identity erases and confirms; institutions
 * commits its erasure and confirmation but its delivery is never completed; courses is held before its effect. The
 * restart redelivers the two incomplete deliveries: courses erases now, institutions' inbox swallows the second one.
 */
@ProcessTest
class ErasureSurvivesAProcessCrashTests {

    private static final String REQUESTED = ErasureRequested.class.getName();
    /** The ids of the erasure participations the platform makes for courses and institutions: {@code <module>.erasure}. */
    private static final String COURSES_LISTENER = "courses.erasure";
    private static final String INSTITUTIONS_LISTENER = "institutions.erasure";
    private static final List<String> MODULES = List.of("identity", "institutions", "courses", "students", "freelancing",
            "community", "news", "jobs", "feedback", "statistics", "notifications");
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(60);

    @AutoClose
    private final CrashHarness harness = CrashHarness.create(getClass());

    @Test
    void an_erasure_interrupted_by_a_sigkill_completes_after_the_restart_with_every_effect_exactly_once()
            throws Exception {
        var first = start("first");
        var world = World.onServer(first.baseUrl());
        var institution = world.institution();
        var subject = institution.student().accountId();
        var course = World.course(institution.instructor().client(), institution.id(), "CRASH1", "Crash course");
        for (var student : List.of(institution.student(), world.member(institution.admin(), institution.id(), "STUDENT"))) {
            student.client().post().uri("/api/courses/{id}/enrollments", course).contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of()).exchange().expectStatus().isCreated();
        }
        communityMessageOf(institution.student());
        for (var rater : List.of(institution.student(), institution.instructor())) {
            rater.client().post().uri("/api/feedback").contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("subjectType", "PLATFORM", "rating", 5, "comment", "Survives crashes")).exchange()
                    .expectStatus().isCreated();
        }
        var admin = world.platformAdmin();
        var requestId = Erasures.request(admin.client(), subject);

        awaitInDatabase("identity erased and confirmed, institutions' erasure committed, courses' erasure held", () ->
                count("SELECT count(*) FROM identity.erasure_step WHERE request_id = ? AND module = 'identity'"
                        + " AND confirmed_at IS NOT NULL", requestId) == 1
                        && count("SELECT count(*) FROM institutions.membership WHERE account_id = ?", subject) == 0
                        && count("SELECT count(*) FROM identity.event_publication WHERE listener_id = ?"
                                + " AND status = 'PROCESSING'", COURSES_LISTENER) == 1);
        assertThat(count("SELECT count(*) FROM identity.event_publication WHERE listener_id = ?"
                + " AND completion_date IS NULL", INSTITUTIONS_LISTENER)).as("institutions' delivery, incomplete").isEqualTo(1);
        assertThat(count("SELECT count(*) FROM courses.enrollment WHERE student_id = ?", subject)).isEqualTo(1);
        assertThat(Erasures.request(admin.client(), subject)).as("a second request while one is pending").isEqualTo(requestId);

        long pid = first.pid();
        assertThat(first.kill()).as("exit code of a JVM killed by SIGKILL").isEqualTo(128 + 9);
        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).as("process " + pid).isEmpty();

        harness.openGate();
        var second = start("second");
        awaitInDatabase("the request completed after the restart", () ->
                count("SELECT count(*) FROM identity.erasure_request WHERE id = ? AND status = 'COMPLETED'", requestId) == 1);

        assertThat(count("SELECT count(*) FROM identity.erasure_request WHERE account_id = ?", subject))
                .as("requests for the account").isEqualTo(1);
        assertThat(count("SELECT count(*) FROM identity.erasure_step WHERE request_id = ? AND confirmed_at IS NOT NULL",
                requestId)).as("confirmed steps").isEqualTo(MODULES.size());
        for (var module : MODULES) {
            assertThat(count("SELECT count(*) FROM " + module + ".event_publication WHERE event_type = ?"
                    + " AND serialized_event::jsonb ->> 'requestId' = ?", ErasureConfirmed.class.getName(),
                    requestId.toString())).as("confirmations published by %s", module).isEqualTo(1);
            assertThat(count("SELECT count(*) FROM " + module + ".event_inbox WHERE listener_id = ? AND event_id ="
                    + " (SELECT (serialized_event::jsonb ->> 'eventId')::uuid FROM identity.event_publication"
                    + " WHERE event_type = ? LIMIT 1)", module + ".erasure", REQUESTED))
                    .as("inbox rows of %s's erasure participation", module).isEqualTo(1);
        }
        assertThat(count("SELECT count(*) FROM identity.event_publication WHERE event_type = ?"
                + " AND completion_date IS NULL", REQUESTED)).as("incomplete deliveries of the request").isZero();
        assertThat(count("SELECT count(*) FROM identity.account WHERE id = ?", subject)).isZero();
        assertThat(count("SELECT count(*) FROM courses.enrollment WHERE student_id = ?", subject)).isZero();
        assertThat(count("SELECT count(*) FROM courses.enrollment")).as("the other student's enrollment").isEqualTo(1);
        assertThat(count("SELECT count(*) FROM community.message WHERE author_account_id = ?", subject)).isZero();
        assertThat(count("SELECT count(*) FROM feedback.feedback WHERE author_account_id = ?", subject)).isZero();
        assertThat(count("SELECT count(*) FROM feedback.feedback")).as("the instructor's feedback").isEqualTo(1);
        assertThat(World.onServer(second.baseUrl()).platformAdmin().client().get().uri("/api/erasures/{id}", requestId)
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody())
                .containsEntry("status", "COMPLETED");

        second.close();
        assertThat(second.alive()).isFalse();
    }

    /** The subject's room and a message of theirs in it, which the erasure deletes. */
    private static void communityMessageOf(World.Person subject) {
        var room = subject.client().post().uri("/api/community/rooms").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", "Crash room", "visibility", "PUBLIC")).exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
        subject.client().post().uri("/api/community/rooms/{id}/messages", room).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("body", "Before the crash")).exchange().expectStatus().isCreated();
    }

    private ApplicationProcess start(String name) throws Exception {
        return harness.start(name, launch -> launch
                .with("spring.profiles.active", "erasure-crash-probe")
                .with("edumatrix.erasure-crash-probe.gate", harness.gate())
                .with("edumatrix.database.instances", 1));
    }

    private long count(String sql, Object... parameters) throws SQLException {
        return harness.count(sql, parameters);
    }

    private void awaitInDatabase(String what, CrashHarness.Condition condition) throws Exception {
        harness.await(what, DELIVERY_TIMEOUT, condition);
    }
}
