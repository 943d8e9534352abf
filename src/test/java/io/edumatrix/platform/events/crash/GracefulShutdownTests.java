package io.edumatrix.platform.events.crash;

import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.institutions.InstitutionDeactivated;
import io.edumatrix.platform.testing.ApplicationProcess;
import io.edumatrix.platform.testing.CrashHarness;
import io.edumatrix.platform.testing.ProcessTest;
import io.edumatrix.platform.testing.World;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * Issue 9: a SIGTERM while a listener is still running lets it, and the deliveries queued behind it, finish on open
 * pools and complete their publications; only then do the pools close, and the shutdown logs no error. The running
 * listener is the crash test's {@code CrashProbeListener}, held by a gate file before its effect (institution code
 * {@code BEFORE…}); with one listener thread the other deliveries wait in the executor's queue. The gate opens only
 * after the signal, so a shutdown that interrupted listeners, dropped queued ones or closed the pools under them would
 * lose an effect.
 */
@ProcessTest
class GracefulShutdownTests {

    private static final String PROBE = "io.edumatrix.courses.internal.CrashProbeListener.on("
            + InstitutionDeactivated.class.getName() + ")";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @AutoClose
    private final CrashHarness harness = CrashHarness.create(getClass());
    private ApplicationProcess application;

    @Test
    void a_sigterm_lets_a_running_listener_finish_before_the_pools_close() throws Exception {
        application = harness.start("", launch -> launch
                .with("spring.profiles.active", "crash-probe")
                .with("edumatrix.crash-probe.gate", harness.gate())
                .with("edumatrix.events.listener-threads", 1));
        var admin = World.onServer(application.baseUrl()).platformAdmin();
        var institutions = List.of(institution(admin, "BEFORE-TERM-1"), institution(admin, "BEFORE-TERM-2"));
        institutions.forEach(institution -> admin.client().post().uri("/api/institutions/{id}/deactivation", institution)
                .exchange().expectStatus().isOk());
        // Whichever probe runs first is held; the other one, at least, waits in the queue behind it (one thread).
        harness.await("one probe listener held before its effect, deliveries queued behind it", TIMEOUT,
                () -> count("SELECT count(*) FROM institutions.event_publication WHERE status = 'PROCESSING'"
                        + " AND listener_id = ?", PROBE) == 1
                        && count("SELECT count(*) FROM institutions.event_publication WHERE completion_date IS NULL") >= 2);

        application.terminate();
        harness.await("the shutdown under way", TIMEOUT, () -> log().contains("Commencing graceful shutdown"));
        harness.openGate();
        var exit = application.awaitExit(TIMEOUT);

        for (var institution : institutions) {
            assertThat(count("SELECT count(*) FROM courses.enrollment_closure WHERE institution_id = ?", institution))
                    .as("closures of %s, by the probe and the real listener", institution).isEqualTo(2);
        }
        assertThat(count("SELECT count(*) FROM institutions.event_publication WHERE completion_date IS NULL"))
                .as("publications left incomplete by the shutdown").isZero();
        var log = log();
        assertThat(log).as("the shutdown's log").doesNotContain(" ERROR ", "Exception")
                .contains("Shutdown completed");
        assertThat(log.indexOf("Shutdown initiated")).as("the first pool closes after the shutdown began")
                .isGreaterThan(log.indexOf("Commencing graceful shutdown"));
        // SIGTERM ends a JVM with 128 + 15 once its shutdown hooks ran; Spring Boot's hook ran the graceful shutdown.
        assertThat(exit).as("exit code").isEqualTo(143);
    }

    private static UUID institution(World.Person admin, String code) {
        return World.registerInstitution(admin.client(), "Held at shutdown " + code, code);
    }

    private long count(String sql, Object... parameters) throws java.sql.SQLException {
        return harness.count(sql, parameters);
    }

    private String log() {
        try {
            return Files.readString(application.log(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
