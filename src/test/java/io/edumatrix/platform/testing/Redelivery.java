package io.edumatrix.platform.testing;

import io.edumatrix.platform.events.Outboxes.Publication;
import io.edumatrix.platform.events.Outboxes;
import java.util.List;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.events.EventPublication.Status;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.modulith.test.Scenario;

/**
 * At-least-once delivery on purpose: a publication its listener has completed reaches the listener four more times, in
 * the ways a real run repeats one (resubmitted as failed, resubmitted as incomplete as after a restart, and the listener
 * called twice with the same event), each time until the publication is completed again. A listener test then shows
 * that its effect happened once.
 *
 * @param listenerId the listener's id in the outbox, {@link #listenerId(Class, Class)}
 */
public record Redelivery(String listenerId, FailedEventPublications failedPublications,
        IncompleteEventPublications incompletePublications, EventSerializer serializer) {

    /** For the listener, with the application's event publication registry. */
    public static Redelivery of(ApplicationContext context, String listenerId) {
        return new Redelivery(listenerId, context.getBean(FailedEventPublications.class),
                context.getBean(IncompleteEventPublications.class), context.getBean(EventSerializer.class));
    }

    /** The id Modulith gives a listener method {@code on(<event>)} of the class. */
    public static String listenerId(Class<?> listener, Class<?> eventType) {
        return listener.getName() + ".on(" + eventType.getName() + ")";
    }

    /** The event of the publication, as the listener got it. */
    public <T> T eventOf(Publication publication, Class<T> eventType) {
        return serializer.deserialize(publication.serializedEvent(), eventType);
    }

    /** The publications that are this listener's. */
    public List<Publication> ofThisListener(List<Publication> publications) {
        return publications.stream().filter(p -> p.listenerId().equals(listenerId)).toList();
    }

    /**
     * Delivers the completed publication four more times. {@code callListener} calls the listener bean with the
     * publication's event; each call completes the publication when it returns (Modulith's completion tracking finds it
     * by event and listener), which is the signal it has run.
     */
    public void fourMoreTimes(Scenario scenario, Publication delivered, Runnable callListener) {
        Outboxes.makeIncomplete(delivered.id(), Status.FAILED);
        deliverAgain(scenario, delivered, () -> failedPublications.resubmit(ResubmissionOptions.defaults()
                .withFilter(p -> p.getIdentifier().equals(delivered.id()))));
        Outboxes.makeIncomplete(delivered.id(), Status.PUBLISHED);
        deliverAgain(scenario, delivered, () -> incompletePublications.resubmitIncompletePublications(
                p -> p.getIdentifier().equals(delivered.id())));
        for (int call = 1; call <= 2; call++) {
            Outboxes.makeIncomplete(delivered.id(), Status.PUBLISHED);
            deliverAgain(scenario, delivered, callListener);
        }
    }

    private static void deliverAgain(Scenario scenario, Publication publication, Runnable delivery) {
        scenario.stimulate(delivery)
                .andWaitForStateChange(() -> Outboxes.statusOf(publication.id()), Status.COMPLETED::equals);
    }
}
