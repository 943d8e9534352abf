package io.edumatrix.news.internal;

import io.edumatrix.platform.web.Problems;
import io.edumatrix.news.internal.Article.Status;
import io.edumatrix.news.internal.ArticleService.Filter;
import io.edumatrix.news.internal.ArticleService.Reader;
import io.edumatrix.news.internal.Views.ArticleView;
import io.edumatrix.platform.security.Callers;
import io.edumatrix.platform.security.Member;
import io.edumatrix.platform.security.Role;
import io.edumatrix.platform.security.Staff;
import io.edumatrix.platform.web.Page;
import io.edumatrix.platform.web.PlatformProblems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Educational news over HTTP, in the token's institution. Staff write; every member reads what is published. The
 * author is the token's account, so nobody writes in another person's name.
 */
@RestController
@RequestMapping("/api/news/articles")
class NewsController {

    /** A tag: 1 to 32 lower-case letters, digits and inner hyphens ("exams", "open-day", "2026"). */
    static final String TAG = "[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?";
    private static final String TAG_MESSAGE = "must be 1 to 32 lower-case letters, digits and inner hyphens";
    private static final String NOT_BLANK = "(?s).*\\S.*";

    private final ArticleService articles;

    NewsController(ArticleService articles) {
        this.articles = articles;
    }

    record Write(@NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 20000) String body,
            @Size(max = 10) Set<@NotNull @Pattern(regexp = TAG, message = TAG_MESSAGE) String> tags) {}

    /** Fields left out stay as they are; {@code version} is the one read, so a change made meanwhile is a 409. */
    record Rewrite(@NotNull Long version,
            @Size(min = 1, max = 200) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String title,
            @Size(min = 1, max = 20000) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String body,
            @Size(max = 10) Set<@NotNull @Pattern(regexp = TAG, message = TAG_MESSAGE) String> tags) {}

    /** {@code reason}: required for a retraction, and only there. */
    record ChangeStatus(@NotNull Status status,
            @Size(max = 1000) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String reason) {}

    @PostMapping
    @Staff
    ResponseEntity<ArticleView> write(@Valid @RequestBody Write request) {
        var caller = Callers.require();
        var article = articles.write(caller.institutionId().orElseThrow(), caller.accountId(), request.title(),
                request.body(), request.tags() == null ? Set.of() : request.tags());
        return ResponseEntity.created(URI.create("/api/news/articles/" + article.id())).body(article);
    }

    /**
     * Published articles, newest published first; {@code after} is the previous page's {@code next}. {@code q} is a
     * web-search style query over title and body (words, "quoted phrases", -excluded, or), {@code tag} one tag,
     * {@code from} (inclusive) and {@code to} (exclusive) bound the publication time. Retracted articles are not listed.
     */
    @GetMapping
    @Member
    Page<ArticleView> published(@RequestParam(required = false) @Size(max = 200) String q,
            @RequestParam(required = false) @Pattern(regexp = TAG, message = TAG_MESSAGE) String tag,
            @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
            @RequestParam(required = false) UUID after,
            @RequestParam(defaultValue = Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit) {
        var query = q == null || q.isBlank() ? null : q;
        return articles.published(new Filter(query, tag, from, to), after, limit);
    }

    /** The caller's drafts, newest first; an institution admin's are all the institution's drafts. */
    @GetMapping("/drafts")
    @Staff
    Page<ArticleView> drafts(@RequestParam(required = false) UUID after,
            @RequestParam(defaultValue = Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit) {
        return articles.drafts(reader(), after, limit);
    }

    @GetMapping("/{id}")
    @Member
    ArticleView article(@PathVariable UUID id) {
        return articles.get(id, reader());
    }

    @PatchMapping("/{id}")
    @Staff
    ArticleView rewrite(@PathVariable UUID id, @Valid @RequestBody Rewrite request) {
        return articles.rewrite(id, reader(), request.version(), request.title(), request.body(), request.tags());
    }

    @PostMapping("/{id}/status")
    @Staff
    ArticleView changeStatus(@PathVariable UUID id, @Valid @RequestBody ChangeStatus request) {
        var retraction = request.status() == Status.RETRACTED;
        if (retraction && request.reason() == null) {
            throw invalid("reason", "is required for a retraction");
        }
        if (!retraction && request.reason() != null) {
            throw invalid("reason", "is only for a retraction");
        }
        return articles.changeStatus(id, reader(), request.status(), request.reason());
    }

    private static Reader reader() {
        var caller = Callers.require();
        return new Reader(caller.accountId(), caller.has(Role.INSTITUTION_ADMIN));
    }

    /** The same {@code invalid-request} problem as Bean Validation's, naming the field. */
    private static ErrorResponseException invalid(String field, String message) {
        var problem = Problems.of(PlatformProblems.INVALID_REQUEST, "The request has invalid fields");
        problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }
}
