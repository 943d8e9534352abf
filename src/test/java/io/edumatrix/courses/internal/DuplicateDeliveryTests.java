package io.edumatrix.courses.internal;

import static io.edumatrix.platform.testing.World.uniqueCode;
import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.institutions.InstitutionDeactivated;
import io.edumatrix.platform.events.Outboxes.Publication;
import io.edumatrix.platform.events.Outboxes;
import io.edumatrix.platform.tenancy.TenantContext;
import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.testing.Redelivery;
import io.edumatrix.platform.testing.World;
import io.edumatrix.platform.web.HttpApplicationTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.events.EventPublication.Status;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivery is at least once: a publication can reach its listener again after it was processed, because a resubmission
 * or a restart found it incomplete, or because the listener is simply called twice. The listener's effect must happen
 * once all the same; the courses inbox, written in the listener's own transaction, sees to that.
 */
@HttpApplicationTest
@EnableScenarios
@IntegrationTest
class DuplicateDeliveryTests {

    private static final String LISTENER =
            Redelivery.listenerId(InstitutionDeactivationListener.class, InstitutionDeactivated.class);

    @Autowired
    private RestTestClient anonymous;

    /** The platform administrator's client. */
    private RestTestClient http;

    @Autowired
    private CourseService courses;

    @Autowired
    private EnrollmentClosureRepository closures;

    @Autowired
    private InstitutionDeactivationListener listener;

    @Autowired
    private ApplicationContext context;

    @Autowired
    @Qualifier("courses")
    private PlatformTransactionManager coursesTransactions;

    @BeforeEach
    void signInThePlatformAdministrator() {
        http = new World(anonymous).platformAdmin().client();
    }

    @Test
    void a_deactivation_delivered_four_more_times_closes_enrollment_and_records_its_closure_once(Scenario scenario) {
        var institution = registerInstitution();
        var algebra = TenantContext.inInstitution(institution, () -> courses.create(institution, uniqueCode("R"), "Algebra", null, null)).id();
        var biology = TenantContext.inInstitution(institution, () -> courses.create(institution, uniqueCode("R"), "Biology", null, null)).id();

        var redelivery = Redelivery.of(context, LISTENER);
        // Other modules listen to deactivations too (jobs, freelancing); this test is about courses' listener only.
        scenario.stimulate(() -> deactivate(institution))
                .andWaitForStateChange(() -> redelivery.ofThisListener(Outboxes.publicationsOf(InstitutionDeactivated.class, institution)),
                        found -> found.size() == 1 && found.getFirst().completed())
                .andVerify(found -> assertThat(found.getFirst().listenerId()).isEqualTo(LISTENER));
        var delivered = redelivery.ofThisListener(Outboxes.publicationsOf(InstitutionDeactivated.class, institution)).getFirst();
        var event = redelivery.eventOf(delivered, InstitutionDeactivated.class);
        var effect = effectOn(institution, algebra, biology);
        assertThat(effect.closures()).singleElement().extracting(EnrollmentClosure::closedCourses).isEqualTo(2);

        redelivery.fourMoreTimes(scenario, delivered, () -> listener.on(event));

        assertThat(effectOn(institution, algebra, biology)).isEqualTo(effect);
        assertThat(Outboxes.inboxEntriesOf(event.eventId())).filteredOn(entry -> entry.startsWith("courses "))
                .containsExactly("courses " + LISTENER);
        assertThat(redelivery.ofThisListener(Outboxes.publicationsOfEvent(event.eventId()))).singleElement()
                .extracting(Publication::schema, Publication::status).containsExactly("institutions", Status.COMPLETED);
    }

    /**
     * What the deliveries of a deactivation change: its closures, and the enrollment state and version of its courses,
     * read in a courses transaction of the institution (row-level security shows nothing to no tenant).
     */
    private Effect effectOn(UUID institution, UUID... courseIds) {
        return TenantContext.inInstitution(institution, () -> new TransactionTemplate(coursesTransactions).execute(
                status -> new Effect(closures.findByInstitutionId(institution), List.of(courseIds).stream()
                        .map(courses::get).map(c -> c.enrollmentOpen() + "@" + c.version()).toList())));
    }

    record Effect(List<EnrollmentClosure> closures, List<String> courses) {}

    private UUID registerInstitution() {
        return World.registerInstitution(http, "Redelivery University", uniqueCode("R"));
    }

    private void deactivate(UUID institution) {
        http.post().uri("/api/institutions/{id}/deactivation", institution).exchange().expectStatus().isOk();
    }
}
