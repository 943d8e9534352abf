package io.edumatrix.platform.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Receives the events of the modules that run in other processes (their topics {@code edumatrix.<module>}) and
 * delivers each to this process's listeners of its type, one after the other, each through its module's inbox
 * ({@link ModuleDelivery#deliverNow}): idempotent, with the event's tenant bound. The record is acknowledged only after
 * every listener committed; a failure makes the container's error handler deliver it again with backoff, and a record
 * that still fails (or cannot be read at all) is parked on {@code <topic>-parked}, counted by
 * {@code edumatrix.events.parked}, and the partition moves on.
 */
final class BrokeredEvents {

    private static final Logger log = LoggerFactory.getLogger(BrokeredEvents.class);

    private final List<String> topics;
    private final String groupId;
    private final EventRecords records;
    private final ModuleDelivery delivery;
    private final Supplier<BrokeredListeners> listeners;
    private final Counter delivered;

    BrokeredEvents(List<String> topics, String groupId, EventRecords records, ModuleDelivery delivery,
            Supplier<BrokeredListeners> listeners, MeterRegistry meters) {
        this.topics = topics;
        this.groupId = groupId;
        this.records = records;
        this.delivery = delivery;
        this.listeners = listeners;
        this.delivered = Counter.builder("edumatrix.events.brokered")
                .description("Events received from other processes and delivered to every listener here")
                .register(meters);
    }

    public String[] getTopics() {
        return topics.toArray(String[]::new);
    }

    public String getGroupId() {
        return groupId;
    }

    @KafkaListener(id = "edumatrix-events", topics = "#{__listener.topics}", groupId = "#{__listener.groupId}")
    void receive(ConsumerRecord<String, String> record) {
        var event = records.fromRecord(record);
        for (var target : listeners.get().of(event.getClass())) {
            delivery.deliverNow(target.module(), target.listenerId(), event, () -> target.work().accept(event));
        }
        delivered.increment();
        log.debug("Delivered {} {} from {}", event.getClass().getSimpleName(), event.eventId(), record.topic());
    }
}
