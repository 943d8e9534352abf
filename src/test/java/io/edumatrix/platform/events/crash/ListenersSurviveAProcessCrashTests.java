package io.edumatrix.platform.events.crash;

import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.institutions.InstitutionDeactivated;
import io.edumatrix.platform.testing.ApplicationProcess;
import io.edumatrix.platform.testing.CrashHarness;
import io.edumatrix.platform.testing.ProcessTest;
import io.edumatrix.platform.testing.World;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * Issue 3, 7(c): the application runs as a process of its own and is killed with SIGKILL while listeners of a published
 * event are still pending; after a restart on the same database every listener's effect exists exactly once.
 *
 * <p>Each deactivated institution has two listeners in {@code courses}: the real
 * {@code InstitutionDeactivationListener} and the test's {@code CrashProbeListener}, which a gate file holds. For
 * {@code BEFORE*} institutions the probe is held before its effect (the crash loses an uncommitted transaction); for
 * {@code AFTER*} ones after its effect committed but before Modulith completed the publication (the restart delivers
 * an event whose effect is already there, which the inbox must swallow). The restart relies on the application's own
 * setting {@code spring.modulith.events.republish-outstanding-events-on-restart}.
 */
@ProcessTest
class ListenersSurviveAProcessCrashTests {

    private static final String EVENT_TYPE = InstitutionDeactivated.class.getName();
    private static final String PROBE = "io.edumatrix.courses.internal.CrashProbeListener.on(" + EVENT_TYPE + ")";
    private static final String REAL = "io.edumatrix.courses.internal.InstitutionDeactivationListener.on(" + EVENT_TYPE + ")";
    private static final String PROBE_REASON = "crash-probe";
    private static final String REAL_REASON = "institution deactivated";
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(60);

    /** Institution codes by id, so failures name institutions by their codes. */
    private final Map<UUID, String> codes = new LinkedHashMap<>();
    @AutoClose
    private final CrashHarness harness = CrashHarness.create(getClass());

    @Test
    void every_listener_applies_its_effect_exactly_once_across_a_sigkill_and_a_restart() throws Exception {
        var first = start("first");
        var world = World.onServer(first.baseUrl());
        var admin = world.platformAdmin();
        for (var code : List.of("BEFORE-1", "BEFORE-2", "BEFORE-3", "AFTER-1", "AFTER-2", "AFTER-3")) {
            var institution = World.registerInstitution(admin.client(), "Crash " + code, code);
            World.course(world.member(admin, institution, "INSTRUCTOR").client(), institution, "C-" + code,
                    "Course of " + code);
            codes.put(institution, code);
        }
        codes.keySet().forEach(institution -> admin.client().post().uri("/api/institutions/{id}/deactivation", institution)
                .exchange().expectStatus().isOk());

        awaitInDatabase("every probe delivery under way, the AFTER probes' effects and all real effects committed", () ->
                count("SELECT count(*) FROM courses.enrollment_closure WHERE reason = ?", PROBE_REASON) == 3
                        && count("SELECT count(*) FROM courses.enrollment_closure WHERE reason = ?", REAL_REASON) == 6
                        && count("SELECT count(*) FROM institutions.event_publication WHERE listener_id = ?"
                                + " AND status = 'PROCESSING'", PROBE) == 6);
        assertThat(probeClosuresByInstitution()).as("only the AFTER probes got to their effect")
                .containsOnlyKeys("AFTER-1", "AFTER-2", "AFTER-3")
                .allSatisfy((institution, closures) -> assertThat(closures).isEqualTo(1));
        assertThat(count("SELECT count(*) FROM institutions.event_publication WHERE listener_id = ?"
                + " AND completion_date IS NULL", PROBE)).as("incomplete probe publications at the crash").isEqualTo(6);

        long pid = first.pid();
        assertThat(first.kill()).as("exit code of a JVM killed by SIGKILL").isEqualTo(128 + 9);
        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).as("process " + pid).isEmpty();

        harness.openGate();
        var second = start("second");
        awaitInDatabase("every publication completed after the restart", () ->
                count("SELECT count(*) FROM institutions.event_publication WHERE completion_date IS NULL") == 0
                        && count("SELECT count(*) FROM institutions.event_publication WHERE listener_id IN (?, ?)",
                                PROBE, REAL) == 12);

        assertThat(probeClosuresByInstitution()).as("crash-probe closures per institution")
                .containsOnlyKeys(codes.values()).allSatisfy((institution, closures) -> assertThat(closures).isEqualTo(1));
        assertThat(closuresByInstitution(REAL_REASON)).as("closures of the real listener per institution")
                .containsOnlyKeys(codes.values()).allSatisfy((institution, closures) -> assertThat(closures).isEqualTo(1));
        assertThat(count("SELECT count(*) FROM courses.event_inbox WHERE listener_id IN (?, ?)", PROBE, REAL))
                .as("inbox rows of the two listeners").isEqualTo(12);
        assertThat(count("""
                SELECT count(*) FROM institutions.event_publication p
                WHERE p.listener_id IN (?, ?) AND (SELECT count(*) FROM courses.event_inbox i
                    WHERE i.event_id = (p.serialized_event::jsonb ->> 'eventId')::uuid AND i.listener_id = p.listener_id) = 1
                """, PROBE, REAL)).as("publications with exactly one inbox row for their (event, listener)").isEqualTo(12);
        assertThat(count("SELECT count(*) FROM courses.course WHERE enrollment_open")).as("courses still open").isZero();
        assertThat(count("SELECT count(*) FROM courses.course")).isEqualTo(6);

        second.close();
        assertThat(second.alive()).isFalse();
    }

    private ApplicationProcess start(String name) throws Exception {
        return harness.start(name, launch -> launch
                .with("spring.profiles.active", "crash-probe")
                .with("edumatrix.crash-probe.gate", harness.gate())
                // Six held probes and six real listeners each hold a courses connection at once.
                .with("edumatrix.database.module.courses.maximum-pool-size", 12)
                .with("edumatrix.database.module.institutions.maximum-pool-size", 12)
                .with("edumatrix.database.instances", 1));
    }

    private Map<String, Integer> probeClosuresByInstitution() throws SQLException {
        return closuresByInstitution(PROBE_REASON);
    }

    /** Closures with the reason, counted by institution code. */
    private Map<String, Integer> closuresByInstitution(String reason) throws SQLException {
        try (var admin = harness.connectAsAdmin(); var query = admin.prepareStatement(
                "SELECT institution_id, count(*) FROM courses.enrollment_closure WHERE reason = ? GROUP BY institution_id")) {
            query.setString(1, reason);
            var counts = new LinkedHashMap<String, Integer>();
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    var institution = rows.getObject(1, UUID.class);
                    counts.put(codes.getOrDefault(institution, institution.toString()), rows.getInt(2));
                }
            }
            return counts;
        }
    }

    private int count(String sql, Object... parameters) throws SQLException {
        return (int) harness.count(sql, parameters);
    }

    private void awaitInDatabase(String what, CrashHarness.Condition condition) throws Exception {
        harness.await(what, DELIVERY_TIMEOUT, condition, this::outboxes);
    }

    /** The state of the outbox and the closures, for a failure message. */
    private String outboxes() throws SQLException {
        var state = new StringBuilder("Publications (listener, status, completed) in institutions.event_publication:");
        try (var admin = harness.connectAsAdmin(); var rows = admin.createStatement().executeQuery(
                "SELECT listener_id, status, completion_date IS NOT NULL, count(*) FROM institutions.event_publication"
                        + " GROUP BY 1, 2, 3 ORDER BY 1, 2, 3")) {
            while (rows.next()) {
                state.append("\n  ").append(rows.getString(1)).append(", ").append(rows.getString(2)).append(", ")
                        .append(rows.getBoolean(3)).append(": ").append(rows.getInt(4));
            }
        }
        return state.append("\nProbe closures: ").append(probeClosuresByInstitution())
                .append("\nReal closures: ").append(closuresByInstitution(REAL_REASON)).toString();
    }
}
