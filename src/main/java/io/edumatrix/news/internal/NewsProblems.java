package io.edumatrix.news.internal;

import io.edumatrix.platform.domain.ProblemType;

/** The ways a request to the news module can fail, besides the platform's (not found, invalid, transitions, versions). */
final class NewsProblems {

    /** The caller's part in the article does not allow the change (not its author, nor an admin). */
    static final ProblemType FORBIDDEN = new ProblemType("forbidden", ProblemType.Category.FORBIDDEN, "Forbidden");
    /** A retracted article is final: neither its status nor its text changes any more. */
    static final ProblemType ARTICLE_RETRACTED = ProblemType.conflict("article-retracted");

    private NewsProblems() {}
}
