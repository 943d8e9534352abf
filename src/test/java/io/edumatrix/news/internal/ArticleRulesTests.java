package io.edumatrix.news.internal;

import static io.edumatrix.platform.testing.Refusals.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.news.internal.Article.Status;
import io.edumatrix.platform.domain.ProblemType;
import io.edumatrix.platform.testing.UnitTest;
import io.edumatrix.platform.web.PlatformProblems;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Who sees, corrects, publishes and retracts an article: the rules of {@link Article}. */
@UnitTest
class ArticleRulesTests {

    private static final UUID AUTHOR = UUID.randomUUID();
    private static final UUID MEMBER = UUID.randomUUID();
    private static final Instant THEN = Instant.parse("2030-03-01T12:00:00Z");

    private static Article article(Status status) {
        return new Article(UUID.randomUUID(), 0L, UUID.randomUUID(), status, "Title", "Body", List.of("campus"), null,
                THEN, THEN, status == Status.DRAFT ? null : THEN, null);
    }

    @Test
    void a_draft_is_seen_only_by_its_author_and_the_institutions_admins() {
        var draft = article(Status.DRAFT);

        assertThat(draft.isVisibleTo(AUTHOR, false, AUTHOR)).isTrue();
        assertThat(draft.isVisibleTo(MEMBER, true, AUTHOR)).isTrue();
        assertThat(draft.isVisibleTo(MEMBER, false, AUTHOR)).isFalse();
        assertThat(article(Status.PUBLISHED).isVisibleTo(MEMBER, false, AUTHOR)).isTrue();
    }

    @Test
    void only_its_author_corrects_an_article_as_of_the_version_they_read() {
        var article = article(Status.PUBLISHED);

        refusal(() -> article.rewriteBy(MEMBER, AUTHOR, 0, "Mine", null, null), NewsProblems.FORBIDDEN);
        refusal(() -> article.rewriteBy(AUTHOR, AUTHOR, 3, "Stale", null, null), PlatformProblems.CONCURRENT_UPDATE);
        article.rewriteBy(AUTHOR, AUTHOR, 0, "Corrected", null, List.of("news"));

        assertThat(article.title()).isEqualTo("Corrected");
        assertThat(article.body()).isEqualTo("Body");
        assertThat(article.tags()).containsExactly("news");
    }

    @Test
    void a_retracted_article_is_final() {
        var retracted = article(Status.RETRACTED);

        refusal(() -> retracted.rewriteBy(AUTHOR, AUTHOR, 0, "Again", null, null), NewsProblems.ARTICLE_RETRACTED);
        refusal(() -> retracted.moveBy(AUTHOR, false, AUTHOR, Status.PUBLISHED, null),
                ProblemType.INVALID_TRANSITION);
    }

    @Test
    void its_author_or_an_admin_publishes_and_retracts_with_a_reason() {
        var article = article(Status.DRAFT);

        refusal(() -> article.moveBy(MEMBER, false, AUTHOR, Status.PUBLISHED, null), NewsProblems.FORBIDDEN);
        article.moveBy(AUTHOR, false, AUTHOR, Status.PUBLISHED, null);
        assertThat(article.publishedAt()).isNotNull();
        article.moveBy(MEMBER, true, AUTHOR, Status.RETRACTED, "Wrong date");

        assertThat(article.status()).isEqualTo(Status.RETRACTED);
        assertThat(article.retractionReason()).isEqualTo("Wrong date");
    }

    @Test
    void an_erased_author_is_nobody_and_only_an_admin_still_moves_the_article() {
        var orphan = article(Status.PUBLISHED);

        refusal(() -> orphan.moveBy(MEMBER, false, null, Status.RETRACTED, "Gone"), NewsProblems.FORBIDDEN);
        orphan.moveBy(MEMBER, true, null, Status.RETRACTED, "Gone");
        assertThat(orphan.status()).isEqualTo(Status.RETRACTED);
    }
}
