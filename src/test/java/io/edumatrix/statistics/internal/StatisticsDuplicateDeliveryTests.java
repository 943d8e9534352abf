package io.edumatrix.statistics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.courses.CourseCreated;
import io.edumatrix.platform.Times;
import io.edumatrix.platform.events.Outboxes;
import io.edumatrix.platform.tenancy.TenantContext;
import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.testing.Redelivery;
import io.edumatrix.platform.testing.World;
import io.edumatrix.platform.web.HttpApplicationTest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * A counted event delivered again (a resubmission of a failed or incomplete publication, or the listener simply called
 * twice) counts once: the statistics inbox, written in the listener's transaction, turns every later delivery into a
 * no-op. Without it, each delivery would add one more course.
 */
@HttpApplicationTest
@EnableScenarios
@IntegrationTest
class StatisticsDuplicateDeliveryTests {

    private static final String LISTENER = Redelivery.listenerId(LearningListeners.class, CourseCreated.class);

    @Autowired
    private RestTestClient anonymous;
    @Autowired
    private LearningListeners listener;
    @Autowired
    private StatisticsService statistics;
    @Autowired
    private ApplicationContext context;

    @Test
    void a_course_created_event_delivered_four_more_times_counts_one_course(Scenario scenario) {
        var school = new World(anonymous).institution();
        var redelivery = Redelivery.of(context, LISTENER);

        scenario.stimulate(() -> school.instructor().client().post().uri("/api/courses")
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(Map.of("institutionId", school.id(), "code", "DUP1", "title", "Counted once"))
                        .exchange().expectStatus().isCreated())
                .andWaitForStateChange(() -> redelivery.ofThisListener(Outboxes.publicationsOf(CourseCreated.class, school.id())),
                        found -> found.size() == 1 && found.getFirst().completed())
                .andVerify(found -> assertThat(found.getFirst().schema()).isEqualTo("courses"));
        var delivered = redelivery.ofThisListener(Outboxes.publicationsOf(CourseCreated.class, school.id())).getFirst();
        var event = redelivery.eventOf(delivered, CourseCreated.class);
        assertThat(effectOn(school.id())).isEqualTo(List.of(1L, 1L));

        redelivery.fourMoreTimes(scenario, delivered, () -> listener.on(event));

        assertThat(effectOn(school.id())).as("courses in the overview and in today's series").isEqualTo(List.of(1L, 1L));
        assertThat(Outboxes.inboxEntriesOf(event.eventId())).filteredOn(entry -> entry.startsWith("statistics "))
                .containsExactly("statistics " + LISTENER);
    }

    /** The courses of the overview and of today's daily series. */
    private List<Long> effectOn(UUID institution) {
        var today = LocalDate.ofInstant(Times.now(), ZoneOffset.UTC);
        return TenantContext.inInstitution(institution, () -> List.of(statistics.overview(institution).courses(),
                statistics.daily(DailyMetric.COURSES, today, today).days().getFirst().value()));
    }
}
