/**
 * Educational news: articles written by an institution's staff, drafted, published and retracted, and a searchable list
 * of the published ones. Titles and bodies are not personal data and stay plain text, so PostgreSQL can search them;
 * who wrote an article is personal, and is kept apart in {@code article_author} so an erasure can drop it and keep the
 * article. Accounts are known by id only (from the access token); nothing here reads another module's data.
 */
@ApplicationModule(allowedDependencies = {"platform :: *"})
@TenantOwned({"article", "article_author"})
@Audited(value = {"article", "article_author"}, omit = {"article.search"})
@DataSubjectColumns({"article_author.account_id"})
package io.edumatrix.news;

import io.edumatrix.platform.tables.Audited;
import io.edumatrix.platform.tables.DataSubjectColumns;
import io.edumatrix.platform.tables.TenantOwned;
import org.springframework.modulith.ApplicationModule;
