package io.edumatrix.notifications.internal;

import io.edumatrix.platform.Ids;
import io.edumatrix.platform.Times;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A notification: for one account, or for every member of the institution when {@code recipientAccountId} is null (a
 * broadcast). {@code subjectId} is the thing it is about, in the publishing module (enrollment, application, proposal,
 * contract, article, message, feedback); {@code detail} adds what the id does not say (an application's new status).
 */
@Table("notification")
record Notification(@Id UUID id, UUID institutionId, UUID recipientAccountId, Category category, UUID subjectId,
        String detail, UUID sourceEventId, Instant createdAt) {

    static Notification personal(UUID institutionId, UUID recipient, Category category, UUID subjectId, String detail,
            UUID sourceEventId) {
        return new Notification(Ids.next(), institutionId, recipient, category, subjectId, detail, sourceEventId,
                Times.now());
    }

    static Notification broadcast(UUID institutionId, Category category, UUID subjectId, UUID sourceEventId) {
        return personal(institutionId, null, category, subjectId, null, sourceEventId);
    }

    boolean isBroadcast() {
        return recipientAccountId == null;
    }
}
