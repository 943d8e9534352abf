package io.edumatrix.platform.events;

import io.edumatrix.platform.data.ModuleNames;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.util.ClassUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * An event as a Kafka record (ADR 0036): on the publishing module's topic {@code edumatrix.<module>}, keyed by the
 * event's aggregate (the first field after the four every event carries, or else its institution) so one aggregate's
 * events stay in order on one partition, valued by the event's JSON form as docs/events.md lists it, with its type and
 * version in headers. A record of a type this build does not know, or of a newer version than it understands, is
 * refused: the consumer parks it rather than guess.
 */
final class EventRecords {

    static final String TOPIC_PREFIX = "edumatrix.";
    static final String TYPE_HEADER = "edumatrix-event-type";
    static final String VERSION_HEADER = "edumatrix-event-version";
    private static final String EVENT_PACKAGE = "io.edumatrix.";
    /** eventId, occurredAt, version, institutionId: the fields every event begins with. */
    private static final int COMMON_FIELDS = 4;

    private final JsonMapper json;

    EventRecords(JsonMapper json) {
        this.json = json;
    }

    static String topic(String module) {
        return TOPIC_PREFIX + module;
    }

    /** The module whose outbox holds the event's publications, as {@link ModuleOutbox} routes it. */
    static String publisherOf(DomainEvent event) {
        return event instanceof SharedEvent shared ? shared.publishingModule()
                : ModuleNames.fromPackageOf(event.getClass());
    }

    ProducerRecord<String, String> toRecord(DomainEvent event) {
        var record = new ProducerRecord<>(topic(publisherOf(event)), key(event), json.writeValueAsString(event));
        record.headers().add(TYPE_HEADER, event.getClass().getName().getBytes(StandardCharsets.UTF_8));
        record.headers().add(VERSION_HEADER, Integer.toString(event.version()).getBytes(StandardCharsets.UTF_8));
        return record;
    }

    DomainEvent fromRecord(ConsumerRecord<String, String> record) {
        var typeName = header(record, TYPE_HEADER);
        if (typeName == null || !typeName.startsWith(EVENT_PACKAGE)) {
            throw new UnreadableEventException("Record " + record.topic() + "@" + record.offset()
                    + " names no EduMatrix event type: " + typeName);
        }
        Class<?> type;
        try {
            type = ClassUtils.forName(typeName, EventRecords.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new UnreadableEventException("Event type " + typeName + " is unknown to this build");
        }
        if (!DomainEvent.class.isAssignableFrom(type)) {
            throw new UnreadableEventException(typeName + " is not a DomainEvent");
        }
        var event = (DomainEvent) json.readValue(record.value(), type);
        var understood = understoodVersion(type);
        if (understood > 0 && event.version() > understood) {
            throw new UnreadableEventException(typeName + " version " + event.version()
                    + " is newer than this build understands (" + understood + ")");
        }
        return event;
    }

    private static String key(DomainEvent event) {
        var components = event.getClass().getRecordComponents();
        if (components != null && components.length > COMMON_FIELDS) {
            RecordComponent aggregate = components[COMMON_FIELDS];
            if (aggregate.getType() == UUID.class) {
                try {
                    var id = aggregate.getAccessor().invoke(event);
                    if (id != null) {
                        return id.toString();
                    }
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("Cannot read " + aggregate + " of " + event.getClass(), e);
                }
            }
        }
        return String.valueOf(event.institutionId());
    }

    private static int understoodVersion(Class<?> type) {
        try {
            return type.getField("VERSION").getInt(null);
        } catch (ReflectiveOperationException e) {
            return 0;
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** A record no listener here can take; never retried, parked at once. */
    static final class UnreadableEventException extends RuntimeException {

        UnreadableEventException(String message) {
            super(message);
        }
    }
}
