package io.edumatrix.platform.privacy;

import static io.edumatrix.platform.testing.EventDeliveries.deliver;
import static io.edumatrix.platform.testing.Sql.count;
import static io.edumatrix.platform.testing.Sql.execute;
import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.courses.EnrollmentCreated;
import io.edumatrix.platform.events.Outboxes;
import io.edumatrix.platform.events.Outboxes.Publication;
import io.edumatrix.platform.testing.Erasures;
import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.testing.World;
import io.edumatrix.platform.web.HttpApplicationTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.events.EventPublication.Status;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Erasure is final: once an account is erased, no event that names it writes a personal row of it again, in any module
 * whose listeners write such rows (statistics' active days, notifications' notifications). A late event published after
 * the erasure, and an event from before it redelivered once its inbox entries were forgotten (as the inbox cleanup
 * forgets old ones), are both refused by the modules' data-subject triggers, and their publications complete rather than
 * fail and retry.
 */
@HttpApplicationTest
@EnableScenarios
@IntegrationTest
class ErasureIsFinalTests {

    private static final String ACTIVE_DAYS = "SELECT count(*) FROM statistics.active_account_day WHERE account_id = ?";
    private static final String NOTIFICATIONS =
            "SELECT count(*) FROM notifications.notification WHERE recipient_account_id = ?";

    @Autowired
    private RestTestClient anonymous;
    @Autowired
    private ApplicationContext context;

    @Test
    void late_and_redelivered_events_naming_an_erased_account_write_nothing_and_complete(Scenario scenario) {
        var world = new World(anonymous);
        var school = world.institution();
        var leaver = school.student().accountId();
        var stayer = school.instructor().accountId();
        var course = UUID.randomUUID();
        var before = EnrollmentCreated.of(school.id(), UUID.randomUUID(), course, leaver);
        deliver(scenario, before);
        assertThat(List.of(count(ACTIVE_DAYS, leaver), count(NOTIFICATIONS, leaver)))
                .as("the leaver's active day and notification, before the erasure").allMatch(rows -> rows > 0);

        Erasures.erase(world.platformAdmin().client(), leaver);
        assertThat(List.of(count(ACTIVE_DAYS, leaver), count(NOTIFICATIONS, leaver))).containsExactly(0L, 0L);
        assertThat(count("SELECT count(*) FROM statistics.erased_subject WHERE account_id = ?", leaver)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM notifications.erased_subject WHERE account_id = ?", leaver)).isEqualTo(1);

        var late = EnrollmentCreated.of(school.id(), UUID.randomUUID(), course, leaver);
        deliver(scenario, late);
        assertThat(List.of(count(ACTIVE_DAYS, leaver), count(NOTIFICATIONS, leaver)))
                .as("after an event published late").containsExactly(0L, 0L);
        assertThat(Outboxes.inboxEntriesOf(late.eventId())).as("a refused delivery leaves no inbox entry")
                .noneMatch(entry -> entry.startsWith("statistics ") || entry.startsWith("notifications "));

        var writers = Outboxes.publicationsOfEvent(before.eventId()).stream()
                .filter(p -> p.listenerId().startsWith("io.edumatrix.statistics.")
                        || p.listenerId().startsWith("io.edumatrix.notifications."))
                .toList();
        assertThat(writers).as("the listeners that wrote the leaver's rows").hasSize(2);
        forgetInboxEntriesOf(before.eventId());
        for (var publication : writers) {
            redeliverAsFailedAndAsIncomplete(scenario, publication);
        }
        for (var publication : Outboxes.publicationsOfEvent(late.eventId())) {
            redeliverAsFailedAndAsIncomplete(scenario, publication);
        }
        assertThat(List.of(count(ACTIVE_DAYS, leaver), count(NOTIFICATIONS, leaver)))
                .as("after the events were delivered again").containsExactly(0L, 0L);

        deliver(scenario, EnrollmentCreated.of(school.id(), UUID.randomUUID(), course, stayer));
        assertThat(List.of(count(ACTIVE_DAYS, stayer), count(NOTIFICATIONS, stayer)))
                .as("anybody else is still written").allMatch(rows -> rows > 0);
    }

    /** What the inbox cleanup does to old entries: a redelivery then finds nothing that says it was processed. */
    private static void forgetInboxEntriesOf(UUID eventId) {
        for (var schema : List.of("statistics", "notifications")) {
            execute("DELETE FROM " + schema + ".event_inbox WHERE event_id = ?",
                    eventId);
        }
    }

    /** Resubmitted as a failed publication, then as an incomplete one (as after a restart); each time it completes. */
    private void redeliverAsFailedAndAsIncomplete(Scenario scenario, Publication publication) {
        Outboxes.makeIncomplete(publication.id(), Status.FAILED);
        scenario.stimulate(() -> context.getBean(FailedEventPublications.class).resubmit(ResubmissionOptions.defaults()
                        .withFilter(p -> p.getIdentifier().equals(publication.id()))))
                .andWaitForStateChange(() -> Outboxes.statusOf(publication.id()), Status.COMPLETED::equals);
        Outboxes.makeIncomplete(publication.id(), Status.PUBLISHED);
        scenario.stimulate(() -> context.getBean(IncompleteEventPublications.class).resubmitIncompletePublications(
                        p -> p.getIdentifier().equals(publication.id())))
                .andWaitForStateChange(() -> Outboxes.statusOf(publication.id()), Status.COMPLETED::equals);
    }
}
