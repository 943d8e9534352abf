package io.edumatrix.news.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/**
 * The lists of articles, each with its author (null once erased).
 *
 * <p>The published list's filters are optional: each is {@code (:x IS NULL OR …)}. PostgreSQL plans each execution
 * with its parameters (a custom plan) while a generic plan, which could use no index for such a condition, estimates
 * worse; with the values in, the planner drops the conditions not asked for, and the search and tag conditions can
 * use their GIN indexes (see ArticleSearchPlanTests for when row-level security lets it).
 */
interface ListingRepository extends Repository<Article, UUID> {

    String SELECT = """
            SELECT a.id, a.version, a.institution_id, a.status, a.title, a.body, a.tags, a.retraction_reason,
                   a.created_at, a.updated_at, a.published_at, a.retracted_at, au.account_id AS author_account_id
              FROM article a LEFT JOIN article_author au ON au.article_id = a.id
            """;

    /**
     * Published articles, newest published first, after the article {@code after} (the previous page's last; null for
     * the first page): its (published_at, id) is the keyset, so a cursor naming no article of the institution gives an
     * empty page. {@code q} is a web-search style query over title and body; {@code from} inclusive, {@code to} not.
     */
    @Query(SELECT + """
             WHERE a.status = 'PUBLISHED'
               AND (CAST(:q AS text) IS NULL OR a.search @@ websearch_to_tsquery('simple', :q))
               AND (CAST(:tag AS text) IS NULL OR a.tags @> ARRAY[CAST(:tag AS text)])
               AND (CAST(:from AS timestamptz) IS NULL OR a.published_at >= :from)
               AND (CAST(:to AS timestamptz) IS NULL OR a.published_at < :to)
               AND (CAST(:after AS uuid) IS NULL
                    OR (a.published_at, a.id) < (SELECT c.published_at, c.id FROM article c WHERE c.id = :after))
             ORDER BY a.published_at DESC, a.id DESC
             LIMIT :limit""")
    List<Listed> published(String q, String tag, Instant from, Instant to, UUID after, int limit);

    /** Every draft of the institution, newest first, older than {@code before}. */
    @Query(SELECT + " WHERE a.status = 'DRAFT' AND a.id < :before ORDER BY a.id DESC LIMIT :limit")
    List<Listed> drafts(UUID before, int limit);

    /** The drafts of one author, newest first, older than {@code before}. */
    @Query(SELECT + " WHERE a.status = 'DRAFT' AND au.account_id = :author AND a.id < :before"
            + " ORDER BY a.id DESC LIMIT :limit")
    List<Listed> draftsOf(UUID author, UUID before, int limit);

    /** A listed article, as the query reads it. */
    record Listed(UUID id, Long version, UUID institutionId, String status, String title, String body,
            List<String> tags, String retractionReason, Instant createdAt, Instant updatedAt, Instant publishedAt,
            Instant retractedAt, UUID authorAccountId) {}
}
