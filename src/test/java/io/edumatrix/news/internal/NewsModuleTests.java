package io.edumatrix.news.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.news.ArticlePublished;
import io.edumatrix.news.ArticleRetracted;
import io.edumatrix.news.internal.ArticleService.Reader;
import io.edumatrix.platform.tenancy.TenantContext;
import io.edumatrix.platform.testing.IntegrationTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.TestPropertySource;

/** News on its own, with the shared platform only: publishing and retracting an article announce themselves. */
@ApplicationModuleTest(webEnvironment = WebEnvironment.NONE)
@TestPropertySource(properties = "edumatrix.modules=news")
@IntegrationTest
class NewsModuleTests {

    private final ArticleService articles;

    NewsModuleTests(@Autowired ArticleService articles) {
        this.articles = articles;
    }

    @Test
    void publishing_and_retracting_an_article_are_announced(Scenario scenario) {
        var institution = UUID.randomUUID();
        var author = new Reader(UUID.randomUUID(), false);
        var article = TenantContext.inInstitution(institution, () -> articles.write(institution, author.accountId(),
                "Open day", "The labs open on Saturday", List.of("events")));

        scenario.stimulate(() -> TenantContext.inInstitution(institution,
                        () -> articles.changeStatus(article.id(), author, Article.Status.PUBLISHED, null)))
                .andWaitForEventOfType(ArticlePublished.class)
                .matching(event -> event.articleId().equals(article.id()))
                .toArriveAndVerify(event -> assertThat(event.authorAccountId()).isEqualTo(author.accountId()));

        scenario.stimulate(() -> TenantContext.inInstitution(institution,
                        () -> articles.changeStatus(article.id(), author, Article.Status.RETRACTED, "Moved")))
                .andWaitForEventOfType(ArticleRetracted.class)
                .matching(event -> event.articleId().equals(article.id()))
                .toArriveAndVerify(event -> assertThat(event.institutionId()).isEqualTo(institution));
    }
}
