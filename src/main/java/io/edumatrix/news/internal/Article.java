package io.edumatrix.news.internal;

import io.edumatrix.platform.Times;
import io.edumatrix.platform.domain.StateMachine;
import io.edumatrix.platform.web.PlatformProblems;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A news article, as stored. Its author is not here but in {@code article_author} (see {@link AuthorRepository}), so
 * that erasing the author keeps the article. The table's generated {@code search} column is not mapped: PostgreSQL
 * keeps it in step with title and body.
 */
@Table("article")
class Article {

    enum Status { DRAFT, PUBLISHED, RETRACTED }

    /** Retraction keeps the article: it is final, and stays readable by id with its reason. */
    static final StateMachine<Status> LIFECYCLE = StateMachine.of(Status.class).named("article")
            .allow(Status.DRAFT, Status.PUBLISHED)
            .allow(Status.PUBLISHED, Status.RETRACTED)
            .build();

    @Id
    private final UUID id;
    @Version
    private Long version;
    private final UUID institutionId;
    private Status status;
    private String title;
    private String body;
    private List<String> tags;
    private String retractionReason;
    private final Instant createdAt;
    private Instant updatedAt;
    private Instant publishedAt;
    private Instant retractedAt;

    @PersistenceCreator
    Article(UUID id, Long version, UUID institutionId, Status status, String title, String body, List<String> tags,
            String retractionReason, Instant createdAt, Instant updatedAt, Instant publishedAt, Instant retractedAt) {
        this.id = id;
        this.version = version;
        this.institutionId = institutionId;
        this.status = status;
        this.title = title;
        this.body = body;
        this.tags = List.copyOf(tags);
        this.retractionReason = retractionReason;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.publishedAt = publishedAt;
        this.retractedAt = retractedAt;
    }

    static Article draft(UUID id, UUID institutionId, String title, String body, List<String> tags) {
        var now = Times.now();
        return new Article(id, null, institutionId, Status.DRAFT, title, body, tags, null, now, now, null, null);
    }

    /** A draft is found only by its author ({@code author}, null once erased) and the institution's admins. */
    boolean isVisibleTo(UUID accountId, boolean admin, UUID author) {
        return status != Status.DRAFT || admin || accountId.equals(author);
    }

    /**
     * Only its author corrects an article, as of the version they read ({@code expectedVersion}); a retracted article
     * is final. Fields left null stay as they are.
     */
    void rewriteBy(UUID accountId, UUID author, long expectedVersion, String newTitle, String newBody,
            List<String> newTags) {
        if (!accountId.equals(author)) {
            throw NewsProblems.FORBIDDEN.exception("Only its author changes an article");
        }
        if (status == Status.RETRACTED) {
            throw NewsProblems.ARTICLE_RETRACTED.exception("Article " + id + " was retracted; it changes no more");
        }
        if (version != expectedVersion) {
            throw PlatformProblems.CONCURRENT_UPDATE.exception(
                    "Article " + id + " is at version " + version + ", not " + expectedVersion);
        }
        rewrite(newTitle, newBody, newTags);
    }

    /** Its author or an institution admin publishes or retracts an article ({@code reason} for a retraction). */
    void moveBy(UUID accountId, boolean admin, UUID author, Status target, String reason) {
        if (!admin && !accountId.equals(author)) {
            throw NewsProblems.FORBIDDEN.exception(
                    "Only its author or an institution admin publishes or retracts an article");
        }
        switch (LIFECYCLE.check(status, target)) {
            case PUBLISHED -> publish();
            case RETRACTED -> retract(reason);
            case DRAFT -> throw new IllegalStateException("The lifecycle allows no way back to DRAFT");
        }
    }

    private void rewrite(String newTitle, String newBody, List<String> newTags) {
        title = newTitle != null ? newTitle : title;
        body = newBody != null ? newBody : body;
        tags = newTags != null ? List.copyOf(newTags) : tags;
        updatedAt = Times.now();
    }

    private void publish() {
        status = LIFECYCLE.check(status, Status.PUBLISHED);
        publishedAt = Times.now();
        updatedAt = publishedAt;
    }

    private void retract(String reason) {
        status = LIFECYCLE.check(status, Status.RETRACTED);
        retractionReason = reason;
        retractedAt = Times.now();
        updatedAt = retractedAt;
    }

    UUID id() { return id; }
    Long version() { return version; }
    UUID institutionId() { return institutionId; }
    Status status() { return status; }
    String title() { return title; }
    String body() { return body; }
    List<String> tags() { return tags; }
    String retractionReason() { return retractionReason; }
    Instant createdAt() { return createdAt; }
    Instant updatedAt() { return updatedAt; }
    Instant publishedAt() { return publishedAt; }
    Instant retractedAt() { return retractedAt; }
}
