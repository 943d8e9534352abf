package io.edumatrix.news.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the module answers with. */
final class Views {

    private Views() {}

    /**
     * {@code authorAccountId} is null once the author has been erased; {@code retractionReason} and
     * {@code retractedAt} only for a retracted article, {@code publishedAt} for a published or retracted one.
     */
    record ArticleView(UUID id, UUID institutionId, UUID authorAccountId, String status, String title, String body,
            List<String> tags, String retractionReason, long version, Instant createdAt, Instant updatedAt,
            Instant publishedAt, Instant retractedAt) {}
}
