package io.edumatrix.platform.mail;

import org.springframework.context.ApplicationEventPublisher;

/**
 * Queues a mail as a {@link MailQueued} event of the module, so Spring Modulith writes its publication into the
 * module's outbox within the module's transaction (ADR 0007), sealed for its recipient first.
 */
final class MailOutbox implements OutgoingMail {

    private final MailSealing sealing;
    private final ApplicationEventPublisher events;

    MailOutbox(MailSealing sealing, ApplicationEventPublisher events) {
        this.sealing = sealing;
        this.events = events;
    }

    @Override
    public void send(String module, Mail mail) {
        var id = MailQueued.nextId();
        events.publishEvent(MailQueued.of(id, module, mail.recipient(), mail.template(),
                sealing.sealAddress(module, id, mail), sealing.sealModel(module, id, mail)));
    }
}
