package io.edumatrix.news.internal;

import io.edumatrix.news.internal.Views.ArticleView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The lists of articles, with their authors. The published list's SQL is put together from the filters given, rather
 * than written once with {@code (:q IS NULL OR …)}: such a condition would keep PostgreSQL from using the search and tag
 * indexes in a generic plan.
 */
@Component
class ArticleListings {

    /** Sorts after every id, so the first page of a newest-first list needs no cursor of its own. */
    private static final UUID AFTER_ALL = new UUID(-1L, -1L);

    private static final String SELECT = """
            SELECT a.id, a.version, a.institution_id, a.status, a.title, a.body, a.tags, a.retraction_reason,
                   a.created_at, a.updated_at, a.published_at, a.retracted_at, au.account_id AS author_account_id
              FROM article a LEFT JOIN article_author au ON au.article_id = a.id
            """;

    private final NamedParameterJdbcTemplate jdbc;

    ArticleListings(@Qualifier("news") NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What the published list is narrowed to; each part is optional (null). {@code from} inclusive, {@code to} not. */
    record Filter(String query, String tag, Instant from, Instant to) {

        static final Filter NONE = new Filter(null, null, null, null);
    }

    /**
     * Up to {@code limit} published articles, newest published first, after the article {@code after} (the previous
     * page's last; null for the first page). The cursor is an article id: its (published_at, id) is the keyset. A
     * cursor that names no article of the institution gives an empty page.
     */
    List<ArticleView> published(Filter filter, UUID after, int limit) {
        var parameters = new MapSqlParameterSource("limit", limit);
        parameters.addValue("q", filter.query()).addValue("tag", filter.tag()).addValue("after", after)
                .addValue("from", timestamp(filter.from())).addValue("to", timestamp(filter.to()));
        return jdbc.query(publishedSql(filter, after != null), parameters, ArticleListings::view);
    }

    /** The SQL of {@link #published}, for the plan test too. Parameters: q, tag, from, to, after, limit. */
    static String publishedSql(Filter filter, boolean afterCursor) {
        var sql = new StringBuilder(SELECT).append(" WHERE a.status = 'PUBLISHED'");
        if (filter.query() != null) {
            sql.append(" AND a.search @@ websearch_to_tsquery('simple', :q)");
        }
        if (filter.tag() != null) {
            sql.append(" AND a.tags @> ARRAY[CAST(:tag AS text)]");
        }
        if (filter.from() != null) {
            sql.append(" AND a.published_at >= :from");
        }
        if (filter.to() != null) {
            sql.append(" AND a.published_at < :to");
        }
        if (afterCursor) {
            sql.append(" AND (a.published_at, a.id) < (SELECT c.published_at, c.id FROM article c WHERE c.id = :after)");
        }
        return sql.append(" ORDER BY a.published_at DESC, a.id DESC LIMIT :limit").toString();
    }

    /** Drafts, newest first: of {@code author}, or of everyone when it is null (for the institution's admins). */
    List<ArticleView> drafts(UUID author, UUID after, int limit) {
        var parameters = new MapSqlParameterSource("limit", limit)
                .addValue("before", after == null ? AFTER_ALL : after).addValue("author", author);
        var sql = SELECT + " WHERE a.status = 'DRAFT' AND a.id < :before"
                + (author == null ? "" : " AND au.account_id = :author") + " ORDER BY a.id DESC LIMIT :limit";
        return jdbc.query(sql, parameters, ArticleListings::view);
    }

    private static ArticleView view(ResultSet row, int number) throws SQLException {
        return new ArticleView(row.getObject("id", UUID.class), row.getObject("institution_id", UUID.class),
                row.getObject("author_account_id", UUID.class), row.getString("status"), row.getString("title"),
                row.getString("body"), Arrays.asList((String[]) row.getArray("tags").getArray()),
                row.getString("retraction_reason"), row.getLong("version"), instant(row, "created_at"),
                instant(row, "updated_at"), instant(row, "published_at"), instant(row, "retracted_at"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        var value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
