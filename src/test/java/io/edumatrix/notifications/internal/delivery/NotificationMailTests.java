package io.edumatrix.notifications.internal.delivery;

import static io.edumatrix.platform.testing.EventDeliveries.deliver;
import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.community.MessagePosted;
import io.edumatrix.jobs.ApplicationStatusChanged;
import io.edumatrix.platform.Times;
import io.edumatrix.platform.events.Outboxes;
import io.edumatrix.platform.mail.MailQueued;
import io.edumatrix.platform.testing.Api;
import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.testing.TestMailServer;
import io.edumatrix.platform.testing.World;
import io.edumatrix.platform.testing.World.Person;
import io.edumatrix.platform.web.HttpApplicationTest;
import jakarta.mail.MessagingException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Notifications by mail, read from the SMTP server the tests run (GreenMail) as a person reads their inbox: at once for
 * a category set to IMMEDIATE, collected into one mail a day for DAILY, none by default, and none to an address that
 * is not verified.
 */
@HttpApplicationTest
@EnableScenarios
@IntegrationTest
class NotificationMailTests {

    private static final Duration A_DAY_AND_A_MINUTE = Duration.ofDays(1).plusMinutes(1);

    @Autowired
    private RestTestClient anonymous;

    @Autowired
    private EmailDigests digests;

    private World.Institution school;

    @BeforeEach
    void setUp() {
        school = new World(anonymous).institution();
        verifyEmail(school.student());
    }

    /** Follows the link of the account's verification mail (its first mail), as its person would. */
    private void verifyEmail(Person person) {
        var token = TestMailServer.tokenIn(TestMailServer.awaitMail(person.email(), 1));
        Api.post(anonymous, "/api/accounts/email-verification", Map.of("token", token)).expectStatus().isNoContent();
    }

    @Test
    void a_category_mailed_at_once_sends_one_mail_per_notification_after_its_commit(Scenario scenario)
            throws MessagingException {
        choose(school.student(), Map.of("APPLICATION", Map.of("email", "IMMEDIATE")));

        deliver(scenario, statusChanged(school.student(), "INTERVIEW"));

        var mail = TestMailServer.awaitMail(school.student().email(), 2);
        assertThat(mail.getSubject()).isEqualTo("EduMatrix: Your job application is now interview.");
        var notification = Api.items(Api.read(school.student().client(), "/api/notifications")).getFirst();
        assertThat(TestMailServer.plainText(mail)).contains((String) notification.get("id"));
    }

    @Test
    void a_daily_category_waits_for_the_digest_which_sends_everything_pending_in_one_mail(Scenario scenario)
            throws MessagingException {
        choose(school.student(), Map.of("APPLICATION", Map.of("email", "DAILY"), "MENTION", Map.of("email", "DAILY")));
        deliver(scenario, statusChanged(school.student(), "UNDER_REVIEW"));
        deliver(scenario, MessagePosted.of(school.id(), UUID.randomUUID(), UUID.randomUUID(),
                school.instructor().accountId(), List.of(school.student().accountId())));

        assertThat(digests.sendDue(Times.now())).as("nothing is a day old yet").isZero();
        assertThat(pendingDigestEntries()).isEqualTo(2);

        assertThat(digests.sendDue(Times.now().plus(A_DAY_AND_A_MINUTE))).isPositive();

        var digest = TestMailServer.awaitMail(school.student().email(), 2);
        assertThat(digest.getSubject()).isEqualTo("EduMatrix: 2 new notification(s) today");
        assertThat(TestMailServer.plainText(digest)).contains("Your job application is now under review.",
                "You were mentioned in a room.");
        assertThat(pendingDigestEntries()).isZero();
        digests.sendDue(Times.now().plus(A_DAY_AND_A_MINUTE));
        awaitMailsQueuedBy(school.student()).isEqualTo(1);
    }

    @Test
    void an_address_not_yet_verified_is_mailed_no_notification(Scenario scenario) {
        choose(school.instructor(), Map.of("APPLICATION", Map.of("email", "IMMEDIATE")));

        deliver(scenario, statusChanged(school.instructor(), "OFFERED"));

        assertThat(Api.items(Api.read(school.instructor().client(), "/api/notifications"))).hasSize(1);
        awaitMailsQueuedBy(school.instructor()).isZero();
        assertThat(TestMailServer.mailsTo(school.instructor().email())).as("its verification mail only").hasSize(1);
    }

    @Test
    void by_default_nothing_is_mailed(Scenario scenario) {
        deliver(scenario, statusChanged(school.student(), "HIRED"));

        assertThat(Api.items(Api.read(school.student().client(), "/api/notifications"))).hasSize(1);
        assertThat(Outboxes.count("SELECT 1 FROM notifications.event_publication WHERE event_type = ?"
                + " AND serialized_event::jsonb ->> 'recipient' = ?", MailQueued.class.getName(),
                school.student().accountId().toString())).isZero();
        assertThat(TestMailServer.mailsTo(school.student().email())).as("its verification mail only").hasSize(1);
    }

    private static org.assertj.core.api.AbstractIntegerAssert<?> awaitMailsQueuedBy(Person person) {
        return assertThat(Outboxes.count("SELECT 1 FROM notifications.event_publication WHERE event_type = ?"
                + " AND serialized_event::jsonb ->> 'recipient' = ?", MailQueued.class.getName(),
                person.accountId().toString()));
    }

    private int pendingDigestEntries() {
        return Outboxes.count("SELECT 1 FROM notifications.email_digest_entry WHERE account_id = ?",
                school.student().accountId());
    }

    private static void choose(Person person, Map<String, Object> preferences) {
        Api.ok(Api.json(person.client().put().uri("/api/notifications/preferences/delivery"), preferences).exchange());
    }

    private ApplicationStatusChanged statusChanged(Person applicant, String status) {
        return ApplicationStatusChanged.of(school.id(), UUID.randomUUID(), UUID.randomUUID(), applicant.accountId(),
                "SUBMITTED", status);
    }
}
