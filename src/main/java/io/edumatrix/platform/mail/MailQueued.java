package io.edumatrix.platform.mail;

import io.edumatrix.platform.Ids;
import io.edumatrix.platform.Times;
import io.edumatrix.platform.events.DataSubjectEvent;
import io.edumatrix.platform.events.SharedEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * A mail waiting in the outbox of {@code module}. The address and the template's model (which may hold a single-use
 * token) are sealed (base64 of the ciphertext) under the recipient's personal key of that module, bound to the event, so the outbox row holds no
 * readable personal value, and a mail queued for a person erased before it went out is never sent. The event id is
 * also the mail's {@code Message-ID}.
 */
public record MailQueued(UUID eventId, Instant occurredAt, int version, UUID institutionId, String module,
        UUID recipient, String template, String sealedTo, String sealedModel) implements SharedEvent, DataSubjectEvent {

    public static final int VERSION = 1;

    static MailQueued of(UUID eventId, String module, UUID recipient, String template, String sealedTo,
            String sealedModel) {
        return new MailQueued(eventId, Times.now(), VERSION, null, module, recipient, template, sealedTo, sealedModel);
    }

    static UUID nextId() {
        return Ids.next();
    }

    @Override
    public String publishingModule() {
        return module;
    }

    @Override
    public UUID dataSubject() {
        return recipient;
    }
}
