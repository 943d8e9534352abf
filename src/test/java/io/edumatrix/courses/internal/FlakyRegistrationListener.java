package io.edumatrix.courses.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.institutions.InstitutionRegistered;
import io.edumatrix.platform.events.ModuleListener;
import io.edumatrix.platform.events.Outboxes.Publication;
import io.edumatrix.platform.events.Outboxes;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test-only: a courses listener to {@link InstitutionRegistered} that fails as often as a test tells it to, per
 * institution code, before it succeeds. It carries no stereotype, so no component scan registers it; only tests
 * annotated {@link WithProbeListeners} do.
 */
class FlakyRegistrationListener {

    static final String ID = FlakyRegistrationListener.class.getName() + ".on(" + InstitutionRegistered.class.getName() + ")";

    private final Map<String, Integer> failuresLeft = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> successes = new ConcurrentHashMap<>();

    void failFirst(String code, int times) {
        failuresLeft.put(code, times);
    }

    void failAlways(String code) {
        failFirst(code, Integer.MAX_VALUE);
    }

    void heal(String code) {
        failuresLeft.remove(code);
    }

    int attempts(String code) {
        return attempts.getOrDefault(code, new AtomicInteger()).get();
    }

    int successes(String code) {
        return successes.getOrDefault(code, new AtomicInteger()).get();
    }

    /** The probe's publication of the institution's registration, or {@code null} while there is none. */
    static Publication publicationOf(UUID institution) {
        var found = Outboxes.publicationsOf(InstitutionRegistered.class, institution).stream()
                .filter(p -> p.listenerId().equals(ID))
                .toList();
        assertThat(found).as("publications of the registration of %s to the probe", institution).hasSizeLessThan(2);
        return found.isEmpty() ? null : found.getFirst();
    }

    @ModuleListener("courses")
    void on(InstitutionRegistered event) {
        var code = event.code();
        attempts.computeIfAbsent(code, c -> new AtomicInteger()).incrementAndGet();
        int left = failuresLeft.getOrDefault(code, 0);
        if (left > 0) {
            failuresLeft.computeIfPresent(code, (c, n) -> n - 1);
            throw new IllegalStateException("Failure injected for institution " + code);
        }
        successes.computeIfAbsent(code, c -> new AtomicInteger()).incrementAndGet();
    }
}
