package io.edumatrix.courses.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.institutions.InstitutionRegistered;
import io.edumatrix.platform.events.Outboxes;
import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.testing.World;
import io.edumatrix.platform.web.HttpApplicationTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
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

        var institution = new World(http).platformAdmin().client().post().uri("/api/institutions")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", "Probe-free University", "code", "P" + UUID.randomUUID().toString().substring(0, 8)))
                .exchange().expectStatus().isCreated()
                .expectBody(IdOnly.class).returnResult().getResponseBody().id();

        assertThat(Outboxes.publicationsOf(InstitutionRegistered.class, institution))
                .noneMatch(p -> p.listenerId().equals(FlakyRegistrationListener.ID));
    }

    record IdOnly(UUID id) {}
}
