package io.edumatrix.notifications.internal.delivery;

import io.edumatrix.platform.Times;
import io.edumatrix.platform.tenancy.TenantContext;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the daily digests: every few minutes it reads which institutions have entries a day old (the global
 * email_digest_due), and sends each such account's digest in a transaction of its institution. Every instance sweeps;
 * the entries' row locks let only one of them mail each account.
 */
@Component
public class EmailDigests {

    private final NotificationMails mails;
    private final Duration period;

    EmailDigests(NotificationMails mails,
            @Value("${edumatrix.notifications.email.digest-period:1d}") Duration period) {
        this.mails = mails;
        this.period = period;
    }

    @Scheduled(fixedDelayString = "${edumatrix.notifications.email.digest-sweep-interval:10m}",
            initialDelayString = "${edumatrix.notifications.email.digest-sweep-interval:10m}")
    void sweep() {
        sendDue(Times.now());
    }

    /** As the sweep does at {@code now}; answers how many digests it queued. */
    public int sendDue(Instant now) {
        var due = now.minus(period);
        var sent = 0;
        for (var institution : mails.institutionsDue(due)) {
            sent += TenantContext.inInstitution(institution, () -> mails.sendDue(institution, now, due));
        }
        return sent;
    }
}
