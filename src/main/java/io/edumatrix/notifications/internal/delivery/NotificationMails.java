package io.edumatrix.notifications.internal.delivery;

import io.edumatrix.institutions.AccountDirectory;
import io.edumatrix.platform.Ids;
import io.edumatrix.platform.Times;
import io.edumatrix.platform.mail.Mail;
import io.edumatrix.platform.mail.OutgoingMail;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notifications by mail, through the platform's outgoing mail port: one at once, or collected for the daily digest.
 * Either leaves from the module's outbox after the transaction that queued it commits. The address is asked of
 * identity (through {@link AccountDirectory}) when the mail is queued; an account without a verified one (or erased
 * meanwhile) gets none.
 */
@Service
@Transactional("notifications")
class NotificationMails {

    static final String MODULE = "notifications";
    static final String NOTIFICATION = "notifications/notification";
    static final String DIGEST = "notifications/digest";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final OutgoingMail mail;
    private final AccountDirectory accounts;
    private final EmailDigestRepository digests;

    NotificationMails(OutgoingMail mail, AccountDirectory accounts, EmailDigestRepository digests) {
        this.mail = mail;
        this.accounts = accounts;
        this.digests = digests;
    }

    void sendNow(Deliveries.Made notification) {
        accounts.verifiedEmailOf(notification.recipientAccountId()).ifPresent(to -> mail.send(MODULE,
                new Mail(notification.recipientAccountId(), to, NOTIFICATION, Map.of(
                        "summary", MailWording.sentence(notification.category(), notification.detail()),
                        "category", notification.category(),
                        "notificationId", notification.notificationId().toString()))));
    }

    void queueForDigest(Deliveries.Made notification) {
        digests.queue(Ids.next(), notification.institutionId(), notification.recipientAccountId(),
                notification.notificationId(), Times.now());
    }

    /** The institutions with digest entries queued at or before {@code due}; read without an institution bound. */
    @Transactional(value = "notifications", readOnly = true)
    List<UUID> institutionsDue(Instant due) {
        return digests.institutionsDue(due);
    }

    /**
     * Sends the digest of every account of the bound institution that has an entry at least a period old, with all its
     * entries, and deletes them. Answers how many digests it queued.
     */
    int sendDue(UUID institutionId, Instant now, Instant due) {
        var sent = 0;
        for (var account : digests.accountsDue(due)) {
            var entries = digests.entriesOf(account);
            if (entries.isEmpty()) {
                continue;
            }
            var to = accounts.verifiedEmailOf(account);
            if (to.isPresent()) {
                var lines = entries.stream().map(e -> "- " + TIME.format(e.createdAt()) + ": "
                        + MailWording.sentence(e.category(), e.detail())).collect(Collectors.joining("\n"));
                mail.send(MODULE, new Mail(account, to.get(), DIGEST,
                        Map.of("count", Integer.toString(entries.size()), "lines", lines)));
                sent++;
            }
            digests.delete(entries.stream().map(EmailDigestRepository.Entry::id).toList());
        }
        digests.reschedule(institutionId, now);
        return sent;
    }
}
