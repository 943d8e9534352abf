package io.edumatrix.news;

import io.edumatrix.platform.Ids;
import io.edumatrix.platform.Times;
import io.edumatrix.platform.events.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/** A published article was retracted. Its reason is text and stays in the news module; the event carries ids only. */
public record ArticleRetracted(UUID eventId, Instant occurredAt, int version, UUID institutionId, UUID articleId)
        implements DomainEvent {

    public static final int VERSION = 1;

    public static ArticleRetracted of(UUID institutionId, UUID articleId) {
        return new ArticleRetracted(Ids.next(), Times.now(), VERSION, institutionId, articleId);
    }
}
