package io.edumatrix.news.internal;

import io.edumatrix.platform.privacy.PersonalDataHolder;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * What news holds about a person: that they wrote certain articles, in any institution ({@code article_author}).
 * Titles and bodies are the institution's publications, not personal data, and are not sealed (a sealed column could
 * not be searched); the export names the articles by id and institution.
 *
 * <p>Erasure deletes the authorship rows and keeps the articles, published, retracted or draft, by nobody: the news
 * stays the institution's, and nothing left names the person. A draft of an erased author is then seen by the
 * institution's admins only, who may publish it; nobody may edit it any more (that is the author's alone). Nothing of
 * news is sealed, so there is no key of the person to forget here.
 */
@Component
class NewsPersonalData implements PersonalDataHolder {

    private final AuthorRepository authors;

    NewsPersonalData(AuthorRepository authors) {
        this.authors = authors;
    }

    @Override
    public Map<String, Object> export(UUID accountId) {
        return Map.of("authoredArticles", authors.authorshipsOf(accountId));
    }

    @Override
    public void erase(UUID accountId) {
        authors.forgetAuthor(accountId);
    }
}
