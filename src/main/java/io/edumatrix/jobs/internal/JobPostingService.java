package io.edumatrix.jobs.internal;

import io.edumatrix.jobs.JobPosted;
import io.edumatrix.jobs.JobPostingClosed;
import io.edumatrix.jobs.JobPostingSummary;
import io.edumatrix.jobs.JobsApi;
import io.edumatrix.jobs.internal.JobPosting.EmploymentType;
import io.edumatrix.jobs.internal.JobPosting.Status;
import io.edumatrix.platform.Times;
import io.edumatrix.platform.domain.DomainException;
import io.edumatrix.platform.security.Caller;
import io.edumatrix.platform.web.Page;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Job postings, all within the caller's institution (row-level security): another institution's posting is simply not
 * found. Students see open and closed postings, never drafts; staff see all. Other modules read postings through it as
 * the module's {@link JobsApi}, as they read courses and institutions through those modules' services.
 */
@Service
@Transactional("jobs")
class JobPostingService implements JobsApi {

    private final JobPostingRepository postings;
    private final ApplicationEventPublisher events;

    JobPostingService(JobPostingRepository postings, ApplicationEventPublisher events) {
        this.postings = postings;
        this.events = events;
    }

    JobPosting draft(Caller caller, String title, String description, String location, EmploymentType type,
            Instant closesAt) {
        var institutionId = caller.institutionId().orElseThrow();
        var posting = postings.save(JobPosting.draft(institutionId, caller.accountId(), title, description, location,
                type, closesAt));
        postings.recordPoster(posting.id(), institutionId, caller.accountId());
        return posting;
    }

    @Transactional(value = "jobs", readOnly = true)
    JobPosting get(UUID id, Caller caller) {
        return visible(id, caller);
    }

    /**
     * One page of the postings the caller may see, in creation order: students the open ones only, staff all (or
     * those in {@code status}); with {@code query}, only those whose words start with each of its words.
     */
    @Transactional(value = "jobs", readOnly = true)
    Page<JobPosting> list(Caller caller, Status status, String query, UUID after, int limit) {
        var statuses = JobPosting.listedFor(caller, status).stream().map(Status::name).toList();
        if (statuses.isEmpty()) {
            return new Page<>(List.of(), null);
        }
        var fetched = query == null || query.isBlank()
                ? postings.findPage(statuses, Page.after(after), limit + 1)
                : postings.search(query, statuses, Page.after(after), limit + 1);
        return Page.of(fetched, limit, JobPosting::id);
    }

    /** A posting of the current institution, drafts included, with its status as of now. */
    @Override
    @Transactional(value = "jobs", readOnly = true)
    public Optional<JobPostingSummary> findPosting(UUID id) {
        return postings.find(id).map(p -> new JobPostingSummary(p.id(), p.institutionId(), p.title(),
                p.statusAt(Times.now()).name(), p.postedByAccountId()));
    }

    /** Fields left null stay as they are; {@code version} must be the one the caller read. Closed postings stay. */
    JobPosting describe(UUID id, Caller caller, long version, String title, String description, String location,
            EmploymentType type, Instant closesAt) {
        var posting = managed(id, caller);
        posting.requireDescribable(version, Times.now());
        posting.describe(title, description, location, type, closesAt);
        return postings.save(posting);
    }

    /** Opening announces the posting ({@link JobPosted}), closing ends it ({@link JobPostingClosed}). */
    JobPosting moveTo(UUID id, Caller caller, Status target) {
        var posting = managed(id, caller);
        posting.moveTo(target, Times.now());
        postings.save(posting);
        announce(posting);
        return posting;
    }

    /** Closes every posting of the current institution not closed yet; a second call finds none. */
    int closeAllOfInstitution() {
        return close(postings.findNotClosed());
    }

    /**
     * Closes the current institution's open postings whose closing time has come, each announced once: their rows are
     * locked, and those locked by another sweep or a closing by staff are left to it.
     */
    int closeDue() {
        return close(postings.findDueForClosing(Times.now()));
    }

    /** The institutions with an open posting whose closing time has come, read without any institution bound. */
    @Transactional(value = "jobs", readOnly = true)
    List<UUID> institutionsWithDuePostings() {
        return postings.institutionsWithDuePostings(Times.now());
    }

    private int close(List<JobPosting> closing) {
        var now = Times.now();
        for (var posting : closing) {
            posting.moveTo(Status.CLOSED, now);
            postings.save(posting);
            announce(posting);
        }
        return closing.size();
    }

    /** The posting, if the caller may see it: a student never sees a draft, nor staff another institution's. */
    JobPosting visible(UUID id, Caller caller) {
        var posting = find(id);
        if (!posting.isVisibleTo(caller)) {
            throw DomainException.notFound("Job posting", id);
        }
        return posting;
    }

    private JobPosting managed(UUID id, Caller caller) {
        var posting = find(id);
        posting.requireRunBy(caller, "changes a job posting");
        return posting;
    }

    private void announce(JobPosting posting) {
        switch (posting.status()) {
            case OPEN -> events.publishEvent(JobPosted.of(posting.institutionId(), posting.id(),
                    posting.postedByAccountId()));
            case CLOSED -> events.publishEvent(JobPostingClosed.of(posting.institutionId(), posting.id()));
            case DRAFT -> { }
        }
    }

    private JobPosting find(UUID id) {
        return postings.find(id).orElseThrow(() -> DomainException.notFound("Job posting", id));
    }
}
