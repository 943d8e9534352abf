package io.edumatrix.identity.remote;

import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.institutions.AccountDirectory;
import io.edumatrix.platform.remote.ContractPlacements;
import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.testing.World;
import io.edumatrix.platform.web.HttpApplicationTest;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.client.RestTestClient;

/** ADR 0035: {@link AccountDirectory} answers the same in this process and from another one, over its binding. */
@HttpApplicationTest
@IntegrationTest
class AccountDirectoryContractTests {

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
    void an_account_by_email_without_regard_to_case_and_its_display_name(String placement) {
        var accounts = ContractPlacements.api(placement, "identity", AccountDirectory.class, context, port,
                RemoteAccountDirectory::new);
        var student = new World(anonymous).institution().student();

        assertThat(accounts.findAccountIdByEmail(student.email().toUpperCase(Locale.ROOT)))
                .contains(student.accountId());
        assertThat(accounts.findAccountIdByEmail("nobody-" + UUID.randomUUID() + "@edumatrix.test")).isEmpty();
        assertThat(accounts.displayNameOf(student.accountId())).contains("A student");
        assertThat(accounts.displayNameOf(UUID.randomUUID())).isEmpty();
    }
}
