package io.edumatrix.courses.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.institutions.InstitutionRegistered;
import io.edumatrix.platform.events.Outboxes;
import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.testing.World;
import io.edumatrix.platform.web.HttpApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The test-only probe listeners change only the test contexts that ask for them ({@link WithProbeListeners}). */
@HttpApplicationTest
@IntegrationTest
class ProbeListenerIsolationTests {

    @Autowired
    private ApplicationContext context;

    @Autowired
    private RestTestClient http;

    @Test
    void a_context_that_does_not_import_the_probe_listeners_neither_has_them_nor_writes_publications_for_them() {
        assertThat(context.getBeanNamesForType(FlakyRegistrationListener.class)).isEmpty();
        assertThat(context.getBeanNamesForType(EnrollmentCreatedRecorder.class)).isEmpty();

        var institution = World.registerInstitution(new World(http).platformAdmin().client(), "Probe-free University",
                World.uniqueCode("P"));

        assertThat(Outboxes.publicationsOf(InstitutionRegistered.class, institution))
                .noneMatch(p -> p.listenerId().equals(FlakyRegistrationListener.ID));
    }
}
