package io.edumatrix.news.internal;

import io.edumatrix.news.ArticlePublished;
import io.edumatrix.news.ArticleRetracted;
import io.edumatrix.news.internal.Article.Status;
import io.edumatrix.news.internal.ListingRepository.Listed;
import io.edumatrix.news.internal.Views.ArticleView;
import io.edumatrix.platform.Ids;
import io.edumatrix.platform.domain.DomainException;
import io.edumatrix.platform.web.Page;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Articles of the caller's institution (row-level security hides every other one's, so they are simply not found).
 * A draft is its author's and the institution admins' only: to anyone else it does not exist (404), as it will not
 * until published. Published and retracted articles are for every member to read; retracted ones by id only.
 */
@Service
@Transactional("news")
class ArticleService {

    /** Who is asking: the token's account, and whether it administers the token's institution. */
    record Reader(UUID accountId, boolean admin) {}

    /** What the published list is narrowed to; each part is optional (null). {@code from} inclusive, {@code to} not. */
    record Filter(String query, String tag, Instant from, Instant to) {}

    /** Sorts after every id, so the first page of a newest-first list needs no cursor of its own. */
    private static final UUID AFTER_ALL = new UUID(-1L, -1L);

    private final ArticleRepository articles;
    private final AuthorRepository authors;
    private final ListingRepository listings;
    private final ApplicationEventPublisher events;

    ArticleService(ArticleRepository articles, AuthorRepository authors, ListingRepository listings,
            ApplicationEventPublisher events) {
        this.articles = articles;
        this.authors = authors;
        this.listings = listings;
        this.events = events;
    }

    ArticleView write(UUID institutionId, UUID authorAccountId, String title, String body, Collection<String> tags) {
        var article = articles.save(Article.draft(Ids.next(), institutionId, title, body, sorted(tags)));
        authors.record(Ids.next(), institutionId, article.id(), authorAccountId);
        return view(article, authorAccountId);
    }

    @Transactional(value = "news", readOnly = true)
    ArticleView get(UUID id, Reader reader) {
        var article = find(id);
        var author = authors.authorOf(id).orElse(null);
        visible(article, author, reader);
        return view(article, author);
    }

    /**
     * The author corrects a draft or a published article (fields left null stay as they are); {@code version} must be
     * the one they read. A retracted article is final.
     */
    ArticleView rewrite(UUID id, Reader reader, long version, String title, String body, Collection<String> tags) {
        var article = find(id);
        var author = authors.authorOf(id).orElse(null);
        visible(article, author, reader);
        article.rewriteBy(reader.accountId(), author, version, title, body, tags == null ? null : sorted(tags));
        return view(articles.save(article), author);
    }

    /**
     * Publishes or retracts, as the author or an institution admin. Two concurrent changes of one article cannot both
     * succeed: the second one's save finds the version moved on (409 {@code concurrent-update}).
     */
    ArticleView changeStatus(UUID id, Reader reader, Status target, String reason) {
        var article = find(id);
        var author = authors.authorOf(id).orElse(null);
        visible(article, author, reader);
        article.moveBy(reader.accountId(), reader.admin(), author, target, reason);
        events.publishEvent(target == Status.PUBLISHED ? ArticlePublished.of(article.institutionId(), id, author)
                : ArticleRetracted.of(article.institutionId(), id));
        return view(articles.save(article), author);
    }

    @Transactional(value = "news", readOnly = true)
    Page<ArticleView> published(Filter filter, UUID after, int limit) {
        return Page.of(listings.published(filter.query(), filter.tag(), filter.from(), filter.to(), after, limit + 1),
                limit, Listed::id).map(ArticleService::view);
    }

    /** The caller's drafts; an admin's are everyone's. */
    @Transactional(value = "news", readOnly = true)
    Page<ArticleView> drafts(Reader reader, UUID after, int limit) {
        var before = after == null ? AFTER_ALL : after;
        var page = reader.admin() ? listings.drafts(before, limit + 1)
                : listings.draftsOf(reader.accountId(), before, limit + 1);
        return Page.of(page, limit, Listed::id).map(ArticleService::view);
    }

    /** A draft is found only by its author and the institution's admins. */
    private static void visible(Article article, UUID author, Reader reader) {
        if (!article.isVisibleTo(reader.accountId(), reader.admin(), author)) {
            throw DomainException.notFound("Article", article.id());
        }
    }

    private Article find(UUID id) {
        return articles.findById(id).orElseThrow(() -> DomainException.notFound("Article", id));
    }

    /** Tags are a set; stored sorted, so that equal sets are equal rows. */
    private static List<String> sorted(Collection<String> tags) {
        return tags.stream().distinct().sorted().toList();
    }

    private static ArticleView view(Listed a) {
        return new ArticleView(a.id(), a.institutionId(), a.authorAccountId(), a.status(), a.title(), a.body(),
                a.tags(), a.retractionReason(), a.version(), a.createdAt(), a.updatedAt(), a.publishedAt(),
                a.retractedAt());
    }

    private static ArticleView view(Article a, UUID author) {
        return new ArticleView(a.id(), a.institutionId(), author, a.status().name(), a.title(), a.body(), a.tags(),
                a.retractionReason(), a.version(), a.createdAt(), a.updatedAt(), a.publishedAt(), a.retractedAt());
    }
}
