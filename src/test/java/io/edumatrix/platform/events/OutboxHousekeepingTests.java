package io.edumatrix.platform.events;

import static io.edumatrix.platform.testing.Sql.execute;
import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.institutions.InstitutionDeactivated;
import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.web.HttpApplicationTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.events.EventPublication.Status;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.TargetEventPublication;

/**
 * Housekeeping of the outboxes: the cleanup deletes completed publications and inbox entries older than
 * {@code edumatrix.events.keep-completed} (seven days), in every module, and never a publication that is still
 * incomplete, however old; Modulith's staleness monitor, running on the per-module outbox, marks publications stuck
 * too long in PUBLISHED or PROCESSING as FAILED; and a row that can no longer be read does not break the lookups.
 */
@HttpApplicationTest
@IntegrationTest
class OutboxHousekeepingTests {

    private static final String LISTENER = "io.edumatrix.cleanup.Probe.on(" + InstitutionDeactivated.class.getName() + ")";
    private static final Instant NOW = Instant.now();
    private static final Instant EIGHT_DAYS_AGO = NOW.minus(Duration.ofDays(8));

    private final UUID oldCompleted = UUID.randomUUID();
    private final UUID recentlyCompleted = UUID.randomUUID();
    private final UUID oldIncomplete = UUID.randomUUID();
    private final UUID oldInboxEvent = UUID.randomUUID();
    private final UUID recentInboxEvent = UUID.randomUUID();
    private final UUID stuckPublished = UUID.randomUUID();
    private final UUID stuckProcessing = UUID.randomUUID();
    private final UUID freshPublished = UUID.randomUUID();
    private final UUID unreadable = UUID.randomUUID();

    @Autowired
    private OutboxCleanup cleanup;

    @Autowired
    private EventPublicationRegistry registry;

    @Autowired
    private EventPublicationRepository outbox;

    @Test
    void old_completed_publications_and_old_inbox_entries_are_deleted_while_recent_ones_and_old_incomplete_ones_stay() {
        insertPublication(oldCompleted, EIGHT_DAYS_AGO.minusSeconds(60), EIGHT_DAYS_AGO, "COMPLETED");
        insertPublication(recentlyCompleted, EIGHT_DAYS_AGO, NOW.minusSeconds(60), "COMPLETED");
        insertPublication(oldIncomplete, EIGHT_DAYS_AGO, null, "PUBLISHED");
        insertInboxEntry(oldInboxEvent, EIGHT_DAYS_AGO);
        insertInboxEntry(recentInboxEvent, NOW);

        cleanup.deleteOldEntries();

        assertThat(Outboxes.publication(oldCompleted)).as("completed 8 days ago").isEmpty();
        assertThat(Outboxes.publication(recentlyCompleted)).as("completed a minute ago").isPresent();
        assertThat(Outboxes.publication(oldIncomplete)).as("incomplete, published 8 days ago").isPresent()
                .get().extracting(Outboxes.Publication::completed).isEqualTo(false);
        assertThat(Outboxes.inboxEntriesOf(oldInboxEvent)).as("processed 8 days ago").isEmpty();
        assertThat(Outboxes.inboxEntriesOf(recentInboxEvent)).as("processed now").containsExactly("courses " + LISTENER);
    }

    @Test
    void the_staleness_monitor_marks_publications_stuck_longer_than_allowed_as_failed_and_leaves_fresh_ones() {
        insertPublication(stuckPublished, NOW.minus(Duration.ofHours(1)), null, "PUBLISHED");
        insertPublication(stuckProcessing, NOW.minus(Duration.ofHours(1)), null, "PROCESSING");
        insertPublication(freshPublished, NOW, null, "PUBLISHED");

        registry.markStalePublicationsFailed(status -> Duration.ofMinutes(10));

        assertThat(Outboxes.publication(stuckPublished)).get().extracting(Outboxes.Publication::status).isEqualTo(Status.FAILED);
        assertThat(Outboxes.publication(stuckProcessing)).get().extracting(Outboxes.Publication::status).isEqualTo(Status.FAILED);
        assertThat(Outboxes.publication(freshPublished)).get().extracting(Outboxes.Publication::status).isEqualTo(Status.PUBLISHED);
    }

    @Test
    void a_publication_whose_event_type_no_longer_exists_is_skipped_by_lookups_and_left_in_place() {
        insertPublication(unreadable, NOW, null, "PUBLISHED");
        execute("UPDATE institutions.event_publication SET event_type = 'io.edumatrix.institutions.NoSuchEvent' WHERE id = ?",
                unreadable);

        assertThat(outbox.findIncompletePublications()).extracting(TargetEventPublication::getIdentifier)
                .doesNotContain(unreadable);
        assertThat(Outboxes.publication(unreadable)).isPresent();
    }

    @AfterEach
    void deleteRows() {
        List.of(oldCompleted, recentlyCompleted, oldIncomplete, stuckPublished, stuckProcessing, freshPublished, unreadable)
                .forEach(Outboxes::delete);
        execute("DELETE FROM courses.event_inbox WHERE event_id IN (?, ?)", oldInboxEvent, recentInboxEvent);
    }

    private static void insertPublication(UUID id, Instant published, Instant completed, String status) {
        var event = InstitutionDeactivated.of(UUID.randomUUID());
        var json = """
                {"eventId":"%s","occurredAt":"%s","version":%d,"institutionId":"%s"}"""
                .formatted(event.eventId(), event.occurredAt(), event.version(), event.institutionId());
        execute("""
                INSERT INTO institutions.event_publication (id, listener_id, event_type, serialized_event, publication_date,
                    completion_date, status, completion_attempts, last_resubmission_date)
                VALUES (?, ?, ?, ?, ?, ?, ?, 1, NULL)""",
                id, LISTENER, InstitutionDeactivated.class.getName(), json, Timestamp.from(published),
                completed == null ? null : Timestamp.from(completed), status);
    }

    private static void insertInboxEntry(UUID eventId, Instant processed) {
        execute("INSERT INTO courses.event_inbox (event_id, listener_id, processed_at) VALUES (?, ?, ?)",
                eventId, LISTENER, Timestamp.from(processed));
    }
}
