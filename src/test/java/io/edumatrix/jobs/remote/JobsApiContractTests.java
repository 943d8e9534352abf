package io.edumatrix.jobs.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edumatrix.jobs.JobPostingSummary;
import io.edumatrix.jobs.JobsApi;
import io.edumatrix.platform.domain.DomainException;
import io.edumatrix.platform.remote.RemoteClientsForTests;
import io.edumatrix.platform.remote.ServiceTokens;
import io.edumatrix.platform.tenancy.TenantContext;
import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.testing.World;
import io.edumatrix.platform.web.HttpApplicationTest;
import io.edumatrix.platform.web.PlatformProblems;
import java.net.ServerSocket;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * ADR 0035: {@link JobsApi} keeps its contract whether the jobs module runs in this process or in another one. The
 * same cases run against the module's own service and against the client another process would use, which calls the
 * module's internal binding over HTTP with a service token of its own.
 */
@HttpApplicationTest
@IntegrationTest
class JobsApiContractTests {

    @Autowired
    private RestTestClient anonymous;

    @Autowired
    private JobsApi inProcess;

    @Autowired
    private ServiceTokens tokens;

    @Autowired
    private JsonMapper json;

    @LocalServerPort
    private int port;

    JobsApi overHttp() {
        return new RemoteJobsApi(RemoteClientsForTests.at("jobs", "http://127.0.0.1:" + port, tokens, json));
    }

    static Stream<String> placements() {
        return Stream.of("in-process", "over HTTP");
    }

    private JobsApi jobs(String placement) {
        return placement.equals("in-process") ? inProcess : overHttp();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("placements")
    void finds_a_posting_of_the_current_institution_drafts_included_and_none_of_another_or_unknown(String placement) {
        var jobs = jobs(placement);
        var world = new World(anonymous);
        var school = world.institution();
        var elsewhere = world.institution();
        var draft = World.jobPosting(school.instructor().client(), "Lab assistant");

        assertThat(TenantContext.inInstitution(school.id(), () -> jobs.findPosting(draft))).contains(
                new JobPostingSummary(draft, school.id(), "Lab assistant", "DRAFT", school.instructor().accountId()));
        assertThat(TenantContext.inInstitution(elsewhere.id(), () -> jobs.findPosting(draft))).isEmpty();
        assertThat(TenantContext.inInstitution(school.id(), () -> jobs.findPosting(UUID.randomUUID()))).isEmpty();
        assertThat(jobs.findPosting(draft)).as("no institution bound: no rows (fail closed)").isEmpty();
    }

    @Test
    void a_person_s_token_does_not_open_the_internal_binding_only_a_service_token_does() {
        var school = new World(anonymous).institution();
        var draft = World.jobPosting(school.instructor().client(), "Lab assistant");
        school.instructor().client().get().uri("/internal/v1/jobs/postings/{id}", draft).exchange()
                .expectStatus().isForbidden();
        anonymous.get().uri("/internal/v1/jobs/postings/{id}", draft).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void an_owner_that_cannot_be_reached_is_a_503_service_unavailable_with_retry_after() throws Exception {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var down = new RemoteJobsApi(RemoteClientsForTests.at("jobs", "http://127.0.0.1:" + closedPort, tokens, json));
        assertThatThrownBy(() -> TenantContext.inInstitution(UUID.randomUUID(), () -> down.findPosting(UUID.randomUUID())))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.type()).isEqualTo(PlatformProblems.SERVICE_UNAVAILABLE);
                    assertThat(e.retryAfter()).isPresent();
                });
    }
}
