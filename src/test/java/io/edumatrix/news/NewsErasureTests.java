package io.edumatrix.news;

import static io.edumatrix.platform.testing.Api.read;
import static io.edumatrix.platform.testing.Erasures.awaitCompleted;
import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.testing.Sql;
import io.edumatrix.platform.testing.World;
import io.edumatrix.platform.web.HttpApplicationTest;
import io.edumatrix.platform.web.Problem;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * An author's export and erasure (ADR 0015) as news takes part in it: the export names the articles they wrote; the
 * erasure keeps every article, published, retracted or draft, and drops only the link to its author, so that no row of
 * news names them any more. Nobody else's authorship changes.
 */
@HttpApplicationTest
@IntegrationTest
class NewsErasureTests {

    private static final String ARTICLES = "/api/news/articles";

    @Autowired
    private RestTestClient anonymous;

    @Test
    @SuppressWarnings("unchecked")
    void an_erased_authors_articles_stay_by_nobody_and_their_export_named_them() throws Exception {
        var world = new World(anonymous);
        var school = world.institution();
        var leaver = school.instructor();
        var published = write(leaver.client(), "Published by the leaver", true);
        var draft = write(leaver.client(), "Drafted by the leaver", false);
        var othersArticle = write(school.admin().client(), "The admin's", true);

        var export = leaver.client().get().uri("/api/accounts/me/export").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        var news = (Map<String, Object>) ((Map<String, Object>) export.get("modules")).get("news");
        assertThat((List<Map<String, Object>>) news.get("authoredArticles"))
                .extracting(a -> a.get("articleId"), a -> a.get("institutionId"))
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(published, school.id().toString()),
                        org.assertj.core.groups.Tuple.tuple(draft, school.id().toString()));

        var admin = world.platformAdmin();
        var request = admin.client().post().uri("/api/accounts/{id}/erasure", leaver.accountId()).exchange()
                .expectStatus().isAccepted().expectBody(Map.class).returnResult().getResponseBody().get("id");
        awaitCompleted(admin.client(), request);

        var reader = school.student().client();
        assertThat(read(reader, ARTICLES + "/" + published)).containsEntry("title", "Published by the leaver")
                .containsEntry("status", "PUBLISHED").containsEntry("authorAccountId", null);
        assertThat(read(school.admin().client(), ARTICLES + "/" + draft)).containsEntry("authorAccountId", null);
        assertThat(read(reader, ARTICLES + "/" + othersArticle))
                .containsEntry("authorAccountId", school.admin().accountId().toString());
        Problem.expect(reader.get().uri(ARTICLES + "/{id}", draft).exchange(), HttpStatus.NOT_FOUND, "not-found");
        assertThat(rowsNaming(leaver.accountId())).isZero();
        // The draft, now nobody's, is the admins' to publish.
        school.admin().client().post().uri(ARTICLES + "/{id}/status", draft).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("status", "PUBLISHED")).exchange().expectStatus().isOk();
    }

    private static Object write(RestTestClient client, String title, boolean publish) {
        var id = client.post().uri(ARTICLES).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("title", title, "body", "Some news")).exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
        if (publish) {
            client.post().uri(ARTICLES + "/{id}/status", id).contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("status", "PUBLISHED")).exchange().expectStatus().isOk();
        }
        return id;
    }

    /** Rows of news's tables (not its append-only audit trail) naming the account, as the superuser sees them. */
    private static long rowsNaming(UUID accountId) {
        return Sql.count("SELECT count(*) FROM news.article_author WHERE account_id = ?", accountId);
    }
}
