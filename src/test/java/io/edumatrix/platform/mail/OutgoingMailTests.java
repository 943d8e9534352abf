package io.edumatrix.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.platform.Ids;
import io.edumatrix.platform.data.ModuleBeans;
import io.edumatrix.platform.events.Outboxes;
import io.edumatrix.platform.privacy.PersonalDataVault;
import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.testing.Redelivery;
import io.edumatrix.platform.testing.TestMailServer;
import io.edumatrix.platform.web.HttpApplicationTest;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.modulith.events.EventPublication.Status;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A mail queued by a module goes out through the run's SMTP server only after the module's transaction commits,
 * rendered from its templates, with a Message-ID that stays the same when it is delivered again, and it is sent once
 * however often its publication is redelivered. Its address and model are sealed in the outbox; a mail to a person
 * erased before it went out is not sent.
 */
@HttpApplicationTest
@EnableScenarios
@IntegrationTest
class OutgoingMailTests {

    @Autowired
    private OutgoingMail outgoing;
    @Autowired
    private ApplicationContext context;
    @Autowired
    private MailDispatch dispatch;
    @Autowired
    @Qualifier("identity")
    private PersonalDataVault vault;
    @Autowired
    private MeterRegistry meters;

    @Test
    void a_mail_queued_in_a_committed_transaction_arrives_rendered_with_its_event_as_message_id() throws Exception {
        var to = "reader-" + UUID.randomUUID() + "@mail.test";
        inIdentityTransaction(status -> outgoing.send("identity", greeting(Ids.next(), to, "Ada & Bo", "tok123")));

        var mail = TestMailServer.awaitMail(to, 1);
        assertThat(mail.getSubject()).isEqualTo("Hello Ada & Bo");
        assertThat(TestMailServer.plainText(mail)).contains("Dear Ada & Bo,").contains("/welcome?token=tok123");
        assertThat(TestMailServer.html(mail)).contains("Dear Ada &amp; Bo,");
        assertThat(TestMailServer.tokenIn(mail)).isEqualTo("tok123");
        var publication = publicationOf(mail);
        assertThat(publication.schema()).isEqualTo("identity");
        assertThat(publication.listenerId()).isEqualTo(MailDispatch.LISTENER_ID);
        assertThat(publication.serializedEvent()).as("sealed in the outbox").doesNotContain(to).doesNotContain("tok123");
        assertThat(meters.find(MailDispatch.TIMER).tag("template", "test/greeting").tag("outcome", "sent").timer())
                .isNotNull();
    }

    @Test
    void a_mail_queued_in_a_rolled_back_transaction_is_never_sent() {
        var rolledBack = "nobody-" + UUID.randomUUID() + "@mail.test";
        var committed = "somebody-" + UUID.randomUUID() + "@mail.test";

        inIdentityTransaction(status -> {
            outgoing.send("identity", greeting(Ids.next(), rolledBack, "Cy", "x"));
            status.setRollbackOnly();
        });
        inIdentityTransaction(status -> outgoing.send("identity", greeting(Ids.next(), committed, "Dee", "y")));

        TestMailServer.awaitMail(committed, 1);
        assertThat(TestMailServer.mailsTo(rolledBack)).isEmpty();
    }

    @Test
    void a_mail_delivered_four_more_times_is_sent_once(Scenario scenario) throws Exception {
        var to = "once-" + UUID.randomUUID() + "@mail.test";
        inIdentityTransaction(status -> outgoing.send("identity", greeting(Ids.next(), to, "Eve", "z")));
        var publication = publicationOf(TestMailServer.awaitMail(to, 1));
        scenario.stimulate(() -> {})
                .andWaitForStateChange(() -> Outboxes.statusOf(publication.id()), Status.COMPLETED::equals);
        var redelivery = Redelivery.of(context, MailDispatch.LISTENER_ID);
        var event = redelivery.eventOf(publication, MailQueued.class);

        redelivery.fourMoreTimes(scenario, publication,
                () -> dispatch.onApplicationEvent(new PayloadApplicationEvent<>(this, event)));

        assertThat(TestMailServer.mailsTo(to)).hasSize(1);
        assertThat(Outboxes.inboxEntriesOf(event.eventId())).containsExactly("identity " + MailDispatch.LISTENER_ID);
    }

    @Test
    void a_mail_to_a_person_forgotten_before_it_went_out_is_not_sent(Scenario scenario) {
        var recipient = Ids.next();
        var to = "erased-" + UUID.randomUUID() + "@mail.test";
        var skippedBefore = skipped();

        inIdentityTransaction(status -> {
            outgoing.send("identity", greeting(recipient, to, "Fay", "w"));
            vault.forget(recipient);
        });

        scenario.stimulate(() -> {}).andWaitForStateChange(this::skipped, count -> count > skippedBefore);
        assertThat(TestMailServer.mailsTo(to)).isEmpty();
    }

    private long skipped() {
        var timer = meters.find(MailDispatch.TIMER).tag("outcome", "skipped").timer();
        return timer == null ? 0 : timer.count();
    }

    private static Mail greeting(UUID recipient, String to, String name, String token) {
        return new Mail(recipient, to, "test/greeting", Map.of("name", name, "token", token));
    }

    private static Outboxes.Publication publicationOf(MimeMessage mail) throws Exception {
        var messageId = mail.getMessageID();
        assertThat(messageId).matches("<[0-9a-f-]{36}@edumatrix>");
        var eventId = UUID.fromString(messageId.substring(1, messageId.indexOf('@')));
        var publications = Outboxes.publicationsOfEvent(eventId);
        assertThat(publications).hasSize(1);
        return publications.getFirst();
    }

    private void inIdentityTransaction(Consumer<TransactionStatus> work) {
        var manager = context.getBean(ModuleBeans.transactionManager("identity"), PlatformTransactionManager.class);
        new TransactionTemplate(manager).executeWithoutResult(work);
    }
}
