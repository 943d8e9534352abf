package io.edumatrix.institutions.remote;

import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.institutions.InstitutionSummary;
import io.edumatrix.institutions.InstitutionsApi;
import io.edumatrix.institutions.MembershipSummary;
import io.edumatrix.platform.remote.ContractPlacements;
import io.edumatrix.platform.tenancy.TenantContext;
import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.testing.World;
import io.edumatrix.platform.web.HttpApplicationTest;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * ADR 0035: {@link InstitutionsApi} answers the same in this process and from another one, over its internal binding;
 * the acting account and institution travel in the service token.
 */
@HttpApplicationTest
@IntegrationTest
class InstitutionsApiContractTests {

    @Autowired
    private RestTestClient anonymous;

    @Autowired
    private ApplicationContext context;

    @LocalServerPort
    private int port;

    static Stream<String> placements() {
        return ContractPlacements.both();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("placements")
    void an_institution_and_an_accounts_memberships_as_the_account_or_in_the_current_institution(String placement) {
        var institutions = ContractPlacements.api(placement, "institutions", InstitutionsApi.class, context, port,
                RemoteInstitutionsApi::new);
        var world = new World(anonymous);
        var school = world.institution();
        var elsewhere = world.institution();
        var student = school.student().accountId();

        assertThat(institutions.findInstitution(school.id())).get().extracting(InstitutionSummary::code,
                InstitutionSummary::active).containsExactly(school.code(), true);
        assertThat(institutions.findInstitution(UUID.randomUUID())).isEmpty();
        List<MembershipSummary> own = TenantContext.asAccount(student, () -> institutions.membershipsOf(student));
        assertThat(own).extracting(MembershipSummary::institutionId).containsExactly(school.id());
        Optional<MembershipSummary> here = TenantContext.inInstitution(school.id(),
                () -> institutions.membershipInCurrentInstitution(student));
        assertThat(here).get().extracting(MembershipSummary::institutionId).isEqualTo(school.id());
        Optional<MembershipSummary> there = TenantContext.inInstitution(elsewhere.id(),
                () -> institutions.membershipInCurrentInstitution(student));
        assertThat(there).isEmpty();
    }
}
