/**
 * Notifications: what happened that concerns a member, made only from other modules' events (an enrollment, an
 * application's new status, an accepted proposal, a completed contract, an article published in the institution, a
 * mention, feedback on a course one teaches), listed unread first, marked read, switched off by category, and delivered
 * by each member's preferences per category: by Web Push to their browsers' subscriptions (RFC 8030, payload encrypted
 * per RFC 8291, signed with VAPID per RFC 8292) and by mail, at once or in a daily digest, from the module's outbox. An institution-wide event is one broadcast row that every member
 * of the institution sees, with read marks per reader, rather than a copy per member.
 */
@ApplicationModule(
        allowedDependencies = {"platform :: *", "institutions", "courses", "jobs", "freelancing", "community", "news",
                "feedback"})
@TenantOwned({"notification", "notification_read", "muted_category", "device_token", "push_subscription",
        "delivery_preference", "email_digest_entry"})
@Audited(value = {"notification", "notification_read", "muted_category", "device_token", "push_subscription",
        "delivery_preference"}, omit = {"device_token.token", "push_subscription.subscription",
        "push_subscription.endpoint_index"})
@DataSubjectColumns({"notification.recipient_account_id", "notification_read.account_id", "muted_category.account_id",
        "device_token.account_id", "push_subscription.account_id", "delivery_preference.account_id",
        "email_digest_entry.account_id"})
package io.edumatrix.notifications;

import io.edumatrix.platform.tables.Audited;
import io.edumatrix.platform.tables.DataSubjectColumns;
import io.edumatrix.platform.tables.TenantOwned;
import org.springframework.modulith.ApplicationModule;
