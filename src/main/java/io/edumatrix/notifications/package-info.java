/**
 * Notifications: what happened that concerns a member, made only from other modules' events (an enrollment, an
 * application's new status, an accepted proposal, a completed contract, an article published in the institution, a
 * mention, feedback on a course one teaches), listed unread first, marked read, switched off by category, and handed
 * to a {@code PushSender} for the member's devices. An institution-wide event is one broadcast row that every member
 * of the institution sees, with read marks per reader, rather than a copy per member.
 */
@ApplicationModule(
        allowedDependencies = {"platform :: *", "courses", "jobs", "freelancing", "community", "news", "feedback"})
@TenantOwned({"notification", "notification_read", "muted_category", "device_token"})
@Audited(value = {"notification", "notification_read", "muted_category", "device_token"}, omit = "device_token.token")
@DataSubjectColumns({"notification.recipient_account_id", "notification_read.account_id", "muted_category.account_id",
        "device_token.account_id"})
package io.edumatrix.notifications;

import io.edumatrix.platform.tables.Audited;
import io.edumatrix.platform.tables.DataSubjectColumns;
import io.edumatrix.platform.tables.TenantOwned;
import org.springframework.modulith.ApplicationModule;
