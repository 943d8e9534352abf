package io.edumatrix.news.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/** Who wrote which article: one row per article, written once, deleted when the author is erased. */
interface AuthorRepository extends Repository<Article, UUID> {

    @Modifying
    @Query("INSERT INTO article_author (id, institution_id, article_id, account_id)"
            + " VALUES (:id, :institutionId, :articleId, :accountId)")
    void record(UUID id, UUID institutionId, UUID articleId, UUID accountId);

    @Query("SELECT account_id FROM article_author WHERE article_id = :articleId")
    Optional<UUID> authorOf(UUID articleId);

    /** With the person bound as data subject: their authorships in every institution, for their export. */
    @Query("SELECT article_id, institution_id FROM article_author WHERE account_id = :accountId ORDER BY article_id")
    List<Authorship> authorshipsOf(UUID accountId);

    /** The articles stay, by nobody (see NewsPersonalData). */
    @Modifying
    @Query("DELETE FROM article_author WHERE account_id = :accountId")
    int forgetAuthor(UUID accountId);

    record Authorship(UUID articleId, UUID institutionId) {}
}
