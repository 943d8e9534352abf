package io.edumatrix.jobs.internal;

import io.edumatrix.jobs.internal.JobPosting.EmploymentType;
import io.edumatrix.jobs.internal.Views.ApplicationView;
import io.edumatrix.jobs.internal.Views.PostingView;
import io.edumatrix.platform.security.Callers;
import io.edumatrix.platform.security.Member;
import io.edumatrix.platform.security.Staff;
import io.edumatrix.platform.web.Page;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The job portal over HTTP. Every endpoint acts in the token's institution; the caller is the token's account, so
 * staff post in their own name and students apply in theirs.
 */
@RestController
@RequestMapping("/api/jobs")
class JobsController {

    private static final String NOT_BLANK = "(?s).*\\S.*";

    private final JobPostingService postings;
    private final JobApplicationService applications;

    JobsController(JobPostingService postings, JobApplicationService applications) {
        this.postings = postings;
        this.applications = applications;
    }

    record CreatePosting(@NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 10000) String description,
            @NotBlank @Size(max = 200) String location, @NotNull EmploymentType employmentType,
            @NotNull @Future Instant closesAt) {}

    /** Fields left out stay as they are; {@code version} is the one read, so a change made meanwhile is a 409. */
    record ChangePosting(@NotNull Long version,
            @Size(min = 1, max = 200) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String title,
            @Size(min = 1, max = 10000) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String description,
            @Size(min = 1, max = 200) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String location,
            EmploymentType employmentType, @Future Instant closesAt) {}

    record ChangePostingStatus(@NotNull JobPosting.Status status) {}

    record Apply(@NotBlank @Size(max = 10000) String coverLetter) {}

    record ChangeApplicationStatus(@NotNull JobApplication.Status status) {}

    @PostMapping
    @Staff
    ResponseEntity<PostingView> create(@Valid @RequestBody CreatePosting request) {
        var posting = postings.draft(Callers.require(), request.title(), request.description(), request.location(),
                request.employmentType(), request.closesAt());
        return ResponseEntity.created(URI.create("/api/jobs/" + posting.id())).body(PostingView.of(posting));
    }

    /** Students see open postings only; {@code q} keeps those with words starting with each of its words. */
    @GetMapping
    @Member
    Page<PostingView> list(@RequestParam(required = false) JobPosting.Status status,
            @RequestParam(required = false) @Size(max = 200) String q, @RequestParam(required = false) UUID after,
            @RequestParam(defaultValue = Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit) {
        return postings.list(Callers.require(), status, q, after, limit).map(PostingView::of);
    }

    @GetMapping("/{id}")
    @Member
    PostingView get(@PathVariable UUID id) {
        return PostingView.of(postings.get(id, Callers.require()));
    }

    @PatchMapping("/{id}")
    @Staff
    PostingView change(@PathVariable UUID id, @Valid @RequestBody ChangePosting request) {
        return PostingView.of(postings.describe(id, Callers.require(), request.version(), request.title(),
                request.description(), request.location(), request.employmentType(), request.closesAt()));
    }

    @PostMapping("/{id}/status")
    @Staff
    PostingView changeStatus(@PathVariable UUID id, @Valid @RequestBody ChangePostingStatus request) {
        return PostingView.of(postings.moveTo(id, Callers.require(), request.status()));
    }

    /** Students only (403 for staff): the endpoint's rule is the narrowest there is that admits them. */
    @PostMapping("/{id}/applications")
    @Member
    ResponseEntity<ApplicationView> apply(@PathVariable UUID id, @Valid @RequestBody Apply request) {
        var application = applications.apply(id, Callers.require(), request.coverLetter());
        return ResponseEntity.created(URI.create("/api/jobs/applications/" + application.id())).body(application);
    }

    @GetMapping("/{id}/applications")
    @Staff
    Page<ApplicationView> applicationsOf(@PathVariable UUID id, @RequestParam(required = false) UUID after,
            @RequestParam(defaultValue = Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit) {
        return applications.ofPosting(id, Callers.require(), after, limit);
    }

    @GetMapping("/applications/mine")
    @Member
    Page<ApplicationView> myApplications(@RequestParam(required = false) UUID after,
            @RequestParam(defaultValue = Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit) {
        return applications.mine(Callers.require(), after, limit);
    }

    /**
     * {@code GET /api/jobs/applications/applications} matches this path and {@code /{id}/applications} equally well;
     * the explicit media type makes this mapping the more specific one, so Spring picks it (a 400 for the id) instead
     * of failing on two equal matches.
     */
    @GetMapping(path = "/applications/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Member
    ApplicationView application(@PathVariable UUID id) {
        return applications.get(id, Callers.require());
    }

    @PostMapping("/applications/{id}/status")
    @Member
    ApplicationView changeApplicationStatus(@PathVariable UUID id,
            @Valid @RequestBody ChangeApplicationStatus request) {
        return applications.moveTo(id, Callers.require(), request.status());
    }
}
