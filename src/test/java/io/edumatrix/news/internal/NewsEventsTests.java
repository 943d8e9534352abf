package io.edumatrix.news.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.news.ArticlePublished;
import io.edumatrix.news.ArticleRetracted;
import io.edumatrix.news.internal.Article.Status;
import io.edumatrix.news.internal.ArticleService.Reader;
import io.edumatrix.platform.domain.DomainException;
import io.edumatrix.platform.tenancy.TenantContext;
import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.web.HttpApplicationTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The module's events, as its service publishes them in the caller's institution: one {@link ArticlePublished} per
 * publication, one {@link ArticleRetracted} per retraction, none for writing or correcting an article, nor for a
 * refused transition.
 */
@HttpApplicationTest
@RecordApplicationEvents
@IntegrationTest
class NewsEventsTests {

    private final ArticleService articles;

    NewsEventsTests(@Autowired ArticleService articles) {
        this.articles = articles;
    }

    @Test
    void a_publication_and_a_retraction_are_announced_once_with_their_ids_and_institution(ApplicationEvents events) {
        var institution = UUID.randomUUID();
        var author = new Reader(UUID.randomUUID(), false);
        var admin = new Reader(UUID.randomUUID(), true);

        var article = TenantContext.inInstitution(institution, () -> {
            var draft = articles.write(institution, author.accountId(), "Title", "Body", List.of("news"));
            articles.rewrite(draft.id(), author, draft.version(), null, "Body, corrected", null);
            articles.changeStatus(draft.id(), author, Status.PUBLISHED, null);
            try {
                articles.changeStatus(draft.id(), admin, Status.PUBLISHED, null);
            } catch (DomainException refused) {
                // invalid-transition: announced nothing
            }
            return articles.changeStatus(draft.id(), admin, Status.RETRACTED, "Out of date");
        });

        assertThat(events.stream(ArticlePublished.class)).singleElement().satisfies(event -> {
            assertThat(event.version()).isEqualTo(ArticlePublished.VERSION).isEqualTo(1);
            assertThat(event.institutionId()).isEqualTo(institution);
            assertThat(event.articleId()).isEqualTo(article.id());
            assertThat(event.authorAccountId()).isEqualTo(author.accountId());
        });
        assertThat(events.stream(ArticleRetracted.class)).singleElement().satisfies(event -> {
            assertThat(event.version()).isEqualTo(ArticleRetracted.VERSION).isEqualTo(1);
            assertThat(event.institutionId()).isEqualTo(institution);
            assertThat(event.articleId()).isEqualTo(article.id());
        });
    }
}
