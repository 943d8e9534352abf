package io.edumatrix.courses.internal;

import static io.edumatrix.courses.internal.FlakyRegistrationListener.publicationOf;
import static io.edumatrix.platform.testing.World.uniqueCode;
import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.platform.events.Outboxes;
import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.testing.World;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.events.EventPublication.Status;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * A throwing listener is retried, each attempt in a transaction of its own, up to
 * {@code edumatrix.events.retry.max-attempts}; its publication completes once an attempt succeeds, or is left FAILED
 * when none did, for a resubmission after the cause is fixed.
 */
@WithProbeListeners
@IntegrationTest
class ListenerRetryTests {

    @Autowired
    private FlakyRegistrationListener listener;

    @Autowired
    private FailedEventPublications failedPublications;

    @Autowired
    private RestTestClient http;

    @Test
    void a_listener_that_fails_twice_and_then_succeeds_completes_its_publication_on_the_third_attempt(Scenario scenario) {
        var code = uniqueCode("F");
        listener.failFirst(code, 2);
        var institution = new AtomicReference<UUID>();

        scenario.stimulate(() -> institution.set(register(code)))
                .andWaitForStateChange(() -> publicationOf(institution.get()), p -> p != null && p.completed())
                .andVerify(publication -> assertThat(publication.status()).isEqualTo(Status.COMPLETED));

        assertThat(listener.attempts(code)).isEqualTo(3);
        assertThat(listener.successes(code)).isOne();
    }

    @Test
    void a_listener_that_always_fails_leaves_its_publication_failed_and_a_resubmission_completes_it_once_the_cause_is_fixed(
            Scenario scenario) {
        var code = uniqueCode("F");
        listener.failAlways(code);
        var institution = new AtomicReference<UUID>();

        var failed = scenario.stimulate(() -> institution.set(register(code)))
                .andWaitForStateChange(() -> publicationOf(institution.get()), p -> p != null && p.status() == Status.FAILED);
        failed.andVerify(publication -> assertThat(publication.completed()).isFalse());
        assertThat(listener.attempts(code)).as("attempts before the publication was marked failed")
                .isEqualTo(WithProbeListeners.MAX_ATTEMPTS);
        assertThat(listener.successes(code)).isZero();

        listener.heal(code);
        var id = publicationOf(institution.get()).id();
        scenario.stimulate(() -> failedPublications.resubmit(ResubmissionOptions.defaults()
                        .withFilter(p -> p.getIdentifier().equals(id))))
                .andWaitForStateChange(() -> Outboxes.statusOf(id), Status.COMPLETED::equals);

        assertThat(listener.attempts(code)).isEqualTo(WithProbeListeners.MAX_ATTEMPTS + 1);
        assertThat(listener.successes(code)).isOne();
        assertThat(publicationOf(institution.get()).completed()).isTrue();
    }

    private UUID register(String code) {
        return World.registerInstitution(new World(http).platformAdmin().client(), "Retry University", code);
    }
}
