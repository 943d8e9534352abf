package io.edumatrix.platform.events;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.GenericApplicationListener;
import org.springframework.core.ResolvableType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.event.TransactionalApplicationListenerAdapter;

/**
 * Sends the module events that a listener in another process takes ({@link ListenedElsewhere}) to the publishing
 * module's Kafka topic (ADR 0036). It is a listener like any {@link ModuleListener},
 * so Spring Modulith stores a publication for it in the publishing module's own outbox, in the transaction that
 * published the event;
 * {@link ModuleDelivery} delivers to it and marks the publication completed only once the broker acknowledged the
 * record (all in-sync replicas, the producer's {@code acks=all}). A broker that is down fails the delivery: the
 * publication stays incomplete, and {@link ExternalizationRetry} sends it again until the broker is back. Spring
 * Modulith's own Kafka externalizer is an {@code @ApplicationModuleListener}, which cannot name the module's
 * transaction manager. One listener serves all modules, since an erasure's shared events name their publisher only
 * in the instance; its id is {@code edumatrix.externalizer}, in each publisher's outbox and inbox.
 */
final class EventExternalizer extends TransactionalApplicationListenerAdapter<ApplicationEvent>
        implements GenericApplicationListener {

    static final String LISTENER_ID = "edumatrix.externalizer";

    private final ListenedElsewhere listenedElsewhere;

    EventExternalizer(ModuleDelivery delivery, KafkaTemplate<String, String> kafka, EventRecords records,
            Duration acknowledgementTimeout, ListenedElsewhere listenedElsewhere) {
        super(event -> {
            if (event instanceof PayloadApplicationEvent<?> payload && payload.getPayload() instanceof DomainEvent domain) {
                delivery.deliver(EventRecords.publisherOf(domain), LISTENER_ID, domain,
                        () -> send(kafka, records, domain, acknowledgementTimeout));
            }
        });
        setListenerId(LISTENER_ID);
        this.listenedElsewhere = listenedElsewhere;
    }

    /**
     * The events a listener in another process takes, whatever their type (the adapter would match its declared generic
     * type exactly); no publication is stored for the others.
     */
    @Override
    public boolean supportsEventType(ResolvableType eventType) {
        if (!PayloadApplicationEvent.class.isAssignableFrom(eventType.toClass())) {
            return false;
        }
        var payload = eventType.as(PayloadApplicationEvent.class).getGeneric().toClass();
        return DomainEvent.class.isAssignableFrom(payload) && listenedElsewhere.takes(payload);
    }

    private static void send(KafkaTemplate<String, String> kafka, EventRecords records, DomainEvent event,
            Duration timeout) {
        try {
            kafka.send(records.toRecord(event)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the broker acknowledged event " + event.eventId(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("The broker did not acknowledge event " + event.eventId(), e);
        }
    }
}
