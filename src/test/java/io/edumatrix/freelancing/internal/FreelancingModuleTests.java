package io.edumatrix.freelancing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.freelancing.GigClosed;
import io.edumatrix.freelancing.GigPosted;
import io.edumatrix.institutions.InstitutionDeactivated;
import io.edumatrix.platform.domain.Money;
import io.edumatrix.platform.tenancy.TenantContext;
import io.edumatrix.platform.testing.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.TestPropertySource;

/**
 * Freelancing on its own, with the shared platform and none of the other modules' beans: posting a gig announces it,
 * and an institution's deactivation, published as if by the institutions module, closes its open gigs.
 */
@ApplicationModuleTest(webEnvironment = WebEnvironment.NONE)
// Institutions' schema and outbox, not its beans: the deactivation the scenario publishes leaves through its outbox.
@TestPropertySource(properties = "edumatrix.modules=freelancing,institutions")
@IntegrationTest
class FreelancingModuleTests {

    private final GigService gigs;

    FreelancingModuleTests(@Autowired GigService gigs) {
        this.gigs = gigs;
    }

    @Test
    void a_deactivated_institutions_open_gigs_are_closed_and_announced(Scenario scenario) {
        var institution = UUID.randomUUID();
        var client = UUID.randomUUID();
        scenario.stimulate(() -> TenantContext.inInstitution(institution, () -> gigs.post(institution, client,
                        "Logo design", "A logo for the chess club", Money.of(5_000, "EUR"), Money.of(20_000, "EUR"),
                        Instant.now().plus(Duration.ofDays(30)))))
                .andWaitForEventOfType(GigPosted.class)
                .matching(event -> event.clientAccountId().equals(client))
                .toArriveAndVerify((event, posted) -> assertThat(event.gigId()).isEqualTo(posted.id()));

        scenario.publish(InstitutionDeactivated.of(institution))
                .andWaitForEventOfType(GigClosed.class)
                .matching(event -> event.institutionId().equals(institution))
                .toArriveAndVerify(event -> assertThat(TenantContext.inInstitution(institution,
                        () -> gigs.get(event.gigId()).status())).isEqualTo(Gig.Status.CLOSED));
    }
}
