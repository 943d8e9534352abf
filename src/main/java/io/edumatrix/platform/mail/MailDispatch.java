package io.edumatrix.platform.mail;

import io.edumatrix.platform.events.ModuleDelivery;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.transaction.event.TransactionalApplicationListenerAdapter;

/**
 * Sends each queued mail after the transaction that queued it committed, delivered as a module listener is
 * ({@link ModuleDelivery}): in a transaction of the publishing module, whose inbox records the mail as sent when that
 * transaction commits (a redelivery then does nothing), retried with backoff and then left failed for resubmission.
 * One listener for every module: its id, {@code platform.mail}, is what the outboxes and inboxes key on.
 */
final class MailDispatch extends TransactionalApplicationListenerAdapter<PayloadApplicationEvent<MailQueued>> {

    static final String LISTENER_ID = "platform.mail";
    static final String TIMER = "edumatrix.mail.send";
    private static final Logger log = LoggerFactory.getLogger(MailDispatch.class);

    MailDispatch(ModuleDelivery delivery, MailSealing sealing, MailRenderer renderer, MailTransport transport,
            MailProperties properties, MeterRegistry meters) {
        super(event -> {
            var queued = event.getPayload();
            delivery.deliver(queued.module(), LISTENER_ID, queued,
                    () -> send(queued, sealing, renderer, transport, properties, meters));
        });
        setListenerId(LISTENER_ID);
    }

    private static void send(MailQueued queued, MailSealing sealing, MailRenderer renderer, MailTransport transport,
            MailProperties properties, MeterRegistry meters) {
        var sample = Timer.start(meters);
        var outcome = "failed";
        try {
            var opened = sealing.open(queued);
            if (opened.isEmpty()) {
                outcome = "skipped";
                log.info("Mail {} not sent: its recipient has been erased", queued.eventId());
                return;
            }
            var content = renderer.render(queued.template(), opened.get().model());
            transport.send(new MailTransport.Outgoing(messageId(queued), properties.from(), opened.get().to(), content));
            outcome = "sent";
        } finally {
            sample.stop(Timer.builder(TIMER)
                    .description("Mails handed to the transport (or skipped), by outcome; failures are retried")
                    .tag("module", queued.module())
                    .tag("template", queued.template())
                    .tag("transport", transport.name())
                    .tag("outcome", outcome)
                    .register(meters));
        }
    }

    /** Stable across redeliveries, so a receiving server can drop a mail sent twice. */
    static String messageId(MailQueued queued) {
        return "<" + queued.eventId() + "@edumatrix>";
    }
}
