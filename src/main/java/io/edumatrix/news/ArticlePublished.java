package io.edumatrix.news;

import io.edumatrix.platform.Ids;
import io.edumatrix.platform.Times;
import io.edumatrix.platform.events.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * A draft article was published. {@code authorAccountId} is null only for a draft whose author was erased before an
 * admin published it.
 */
public record ArticlePublished(UUID eventId, Instant occurredAt, int version, UUID institutionId, UUID articleId,
        UUID authorAccountId) implements DomainEvent {

    public static final int VERSION = 1;

    public static ArticlePublished of(UUID institutionId, UUID articleId, UUID authorAccountId) {
        return new ArticlePublished(Ids.next(), Times.now(), VERSION, institutionId, articleId, authorAccountId);
    }
}
