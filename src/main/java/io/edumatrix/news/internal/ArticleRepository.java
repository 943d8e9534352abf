package io.edumatrix.news.internal;

import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

/** Articles by id; saving one checks its {@code @Version}, so no change made meanwhile is overwritten. */
interface ArticleRepository extends ListCrudRepository<Article, UUID> {}
