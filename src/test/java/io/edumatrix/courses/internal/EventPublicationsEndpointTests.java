package io.edumatrix.courses.internal;

import static io.edumatrix.courses.internal.FlakyRegistrationListener.publicationOf;
import static io.edumatrix.platform.testing.World.uniqueCode;
import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.institutions.InstitutionRegistered;
import io.edumatrix.platform.events.Outboxes;
import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.testing.World;
import io.edumatrix.platform.web.Problem;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.modulith.events.EventPublication.Status;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * {@code /actuator/eventpublications} over HTTP: GET lists the failed publications of every module, and POST with a
 * publication's id resubmits that one alone, which completes once its listener's cause is fixed. Only a platform
 * administrator may do either.
 */
@WithProbeListeners
@IntegrationTest
class EventPublicationsEndpointTests {

    private static final String ENDPOINT = "/actuator/eventpublications";
    private static final MediaType ACTUATOR_JSON = MediaType.parseMediaType("application/vnd.spring-boot.actuator.v3+json");

    @Autowired
    private FlakyRegistrationListener listener;

    @Autowired
    private RestTestClient anonymous;

    private World world;
    /** The platform administrator's client. */
    private RestTestClient http;

    @BeforeEach
    void signInThePlatformAdministrator() {
        world = new World(anonymous);
        http = world.platformAdmin().client();
    }

    @Test
    void a_failed_publication_is_listed_and_resubmitting_it_by_id_completes_it_and_leaves_other_failed_ones_failed(
            Scenario scenario) {
        var code = uniqueCode("A");
        var otherCode = uniqueCode("A");
        listener.failAlways(code);
        listener.failAlways(otherCode);
        var institution = new AtomicReference<UUID>();
        var otherInstitution = new AtomicReference<UUID>();
        scenario.stimulate(() -> {
                    institution.set(register(code));
                    otherInstitution.set(register(otherCode));
                })
                .andWaitForStateChange(() -> List.of(statusOf(institution.get()), statusOf(otherInstitution.get())),
                        statuses -> statuses.stream().allMatch(Status.FAILED::equals));
        var failed = publicationOf(institution.get());
        var other = publicationOf(otherInstitution.get());
        try {
            assertThat(listed()).filteredOn(p -> p.id().equals(failed.id())).singleElement().satisfies(p -> {
                assertThat(p.eventType()).isEqualTo(InstitutionRegistered.class.getName());
                assertThat(p.listener()).isEqualTo(FlakyRegistrationListener.ID);
                assertThat(p.completionAttempts()).isEqualTo(failed.completionAttempts());
                assertThat(p.publishedAt()).isNotNull();
            });
            assertThat(listed()).extracting(FailedPublication::id).contains(other.id());

            listener.heal(code);
            scenario.stimulate(() -> http.post().uri(ENDPOINT).contentType(MediaType.APPLICATION_JSON)
                            .body(Map.of("id", failed.id().toString()))
                            .exchange()
                            .expectStatus().isOk()
                            .expectBody().jsonPath("$.resubmitted").isEqualTo(1))
                    .andWaitForStateChange(() -> Outboxes.statusOf(failed.id()), Status.COMPLETED::equals);

            assertThat(listener.successes(code)).isOne();
            assertThat(listed()).extracting(FailedPublication::id).doesNotContain(failed.id()).contains(other.id());
            assertThat(Outboxes.publication(other.id())).get().as("the publication not named in the POST")
                    .satisfies(p -> {
                        assertThat(p.status()).isEqualTo(Status.FAILED);
                        assertThat(p.completionAttempts()).isEqualTo(other.completionAttempts());
                    });
        } finally {
            Outboxes.delete(other.id());
        }
    }

    @Test
    void the_listing_is_actuator_json_with_a_failed_array() {
        http.get().uri(ENDPOINT).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(ACTUATOR_JSON)
                .expectBody().jsonPath("$.failed").isArray();
    }

    @Test
    void without_a_token_the_endpoint_is_a_401_and_for_an_institution_member_a_403_problem_and_nothing_is_resubmitted(
            Scenario scenario) {
        var code = uniqueCode("A");
        listener.failAlways(code);
        var institution = new AtomicReference<UUID>();
        scenario.stimulate(() -> institution.set(register(code)))
                .andWaitForStateChange(() -> statusOf(institution.get()), Status.FAILED::equals);
        var failed = publicationOf(institution.get());
        try {
            var school = world.institution();
            Problem.expect(anonymous.get().uri(ENDPOINT).exchange(), HttpStatus.UNAUTHORIZED, "unauthenticated");
            Problem.expect(anonymous.post().uri(ENDPOINT).contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("id", failed.id().toString())).exchange(), HttpStatus.UNAUTHORIZED, "unauthenticated");
            for (var member : List.of(school.admin(), school.instructor(), school.student())) {
                Problem.expect(member.client().get().uri(ENDPOINT).exchange(), HttpStatus.FORBIDDEN, "forbidden");
                Problem.expect(member.client().post().uri(ENDPOINT).contentType(MediaType.APPLICATION_JSON)
                        .body(Map.of("id", failed.id().toString())).exchange(), HttpStatus.FORBIDDEN, "forbidden");
            }

            assertThat(Outboxes.publication(failed.id())).get().satisfies(p -> {
                assertThat(p.status()).isEqualTo(Status.FAILED);
                assertThat(p.completionAttempts()).isEqualTo(failed.completionAttempts());
            });
        } finally {
            Outboxes.delete(failed.id());
        }
    }

    private List<FailedPublication> listed() {
        var listing = http.get().uri(ENDPOINT).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(ACTUATOR_JSON)
                .expectBody(Listing.class).returnResult().getResponseBody();
        assertThat(listing).isNotNull();
        return listing.failed();
    }

    private static Status statusOf(UUID institution) {
        var publication = institution == null ? null : publicationOf(institution);
        return publication == null ? null : publication.status();
    }

    private UUID register(String code) {
        return World.registerInstitution(http, "Endpoint University", code);
    }

    record Listing(List<FailedPublication> failed) {}

    record FailedPublication(UUID id, String eventType, String listener, Instant publishedAt, int completionAttempts,
            Instant lastResubmittedAt) {}
}
