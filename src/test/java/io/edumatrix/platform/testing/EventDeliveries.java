package io.edumatrix.platform.testing;

import io.edumatrix.platform.events.DomainEvent;
import io.edumatrix.platform.events.Outboxes.Publication;
import io.edumatrix.platform.events.Outboxes;
import java.util.List;
import java.util.UUID;
import org.springframework.modulith.test.Scenario;

/**
 * Waiting for events to reach every listener, as tests of listeners do: an event is delivered once each of its
 * publications, in whichever module's outbox, is completed. Polled by Modulith's {@link Scenario}, never slept on.
 */
public final class EventDeliveries {

    private EventDeliveries() {}

    /** Publishes the event and waits until every listener has completed it. */
    public static void deliver(Scenario scenario, DomainEvent event) {
        scenario.publish(event).andWaitForStateChange(() -> Outboxes.publicationsOfEvent(event.eventId()),
                EventDeliveries::allCompleted);
    }

    /** Does what publishes an event of the type in the institution, and waits until every listener has completed it. */
    public static void awaitDelivered(Scenario scenario, Class<?> eventType, UUID institutionId, Runnable action) {
        scenario.stimulate(action).andWaitForStateChange(() -> Outboxes.publicationsOf(eventType, institutionId),
                EventDeliveries::allCompleted);
    }

    /** There are publications, and every one is completed. */
    public static boolean allCompleted(List<Publication> found) {
        return !found.isEmpty() && found.stream().allMatch(Publication::completed);
    }
}
