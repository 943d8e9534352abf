package io.edumatrix.feedback.internal;

import io.edumatrix.feedback.SubjectType;
import io.edumatrix.feedback.internal.FeedbackService.Reader;
import io.edumatrix.feedback.internal.Views.FeedbackView;
import io.edumatrix.feedback.internal.Views.Summary;
import io.edumatrix.platform.security.Callers;
import io.edumatrix.platform.security.InstitutionAdmin;
import io.edumatrix.platform.security.Member;
import io.edumatrix.platform.security.Role;
import io.edumatrix.platform.web.Page;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Feedback over HTTP, in the token's institution. Any member rates, as the token's account, so nobody rates in another
 * person's name; an institution admin moderates comments. A course may be rated by any member of its institution,
 * enrolled or not: CoursesApi publishes no enrollment check, and instructors and admins rate courses they do not take.
 */
@RestController
@RequestMapping("/api/feedback")
class FeedbackController {

    private final FeedbackService feedback;

    FeedbackController(FeedbackService feedback) {
        this.feedback = feedback;
    }

    /** {@code subjectId} is required for a course or job posting and must be absent for the platform. */
    record Submit(@NotNull SubjectType subjectType, UUID subjectId, @NotNull @Min(1) @Max(5) Integer rating,
            @Size(min = 1, max = 2000) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String comment) {}

    /** {@code version}, if given, is the one read, so a change made meanwhile is a 409. */
    record ChangeStatus(@NotNull Feedback.Status status, Long version) {}

    /** 201 with a Location for a first feedback on the subject, 200 when it replaced the account's earlier one. */
    @PostMapping
    @Member
    ResponseEntity<FeedbackView> submit(@Valid @RequestBody Submit request) {
        var caller = Callers.require();
        var submission = feedback.submit(caller.institutionId().orElseThrow(), caller.accountId(),
                request.subjectType(), request.subjectId(), request.rating(), request.comment());
        var view = submission.feedback();
        return submission.created()
                ? ResponseEntity.created(URI.create("/api/feedback/" + view.id())).body(view)
                : ResponseEntity.ok(view);
    }

    @GetMapping
    @Member
    Page<FeedbackView> list(@RequestParam SubjectType subjectType, @RequestParam(required = false) UUID subjectId,
            @RequestParam(required = false) UUID after,
            @RequestParam(defaultValue = Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit) {
        return feedback.list(subjectType, subjectId, after, limit, reader());
    }

    @GetMapping("/summary")
    @Member
    Summary summary(@RequestParam SubjectType subjectType, @RequestParam(required = false) UUID subjectId) {
        return feedback.summary(subjectType, subjectId);
    }

    /** The caller's own feedback in the token's institution, hidden comments included. */
    @GetMapping("/mine")
    @Member
    Page<FeedbackView> mine(@RequestParam(required = false) UUID after,
            @RequestParam(defaultValue = Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit) {
        return feedback.mine(Callers.require().accountId(), after, limit);
    }

    @GetMapping("/{id}")
    @Member
    FeedbackView get(@PathVariable UUID id) {
        return feedback.get(id, reader());
    }

    @PostMapping("/{id}/status")
    @InstitutionAdmin
    FeedbackView changeStatus(@PathVariable UUID id, @Valid @RequestBody ChangeStatus request) {
        return feedback.changeStatus(id, request.status(), request.version(), reader());
    }

    /** Institution admins moderate, so they see hidden comments too. */
    private static Reader reader() {
        var caller = Callers.require();
        return new Reader(caller.accountId(), caller.has(Role.INSTITUTION_ADMIN) || caller.platformAdmin());
    }
}
