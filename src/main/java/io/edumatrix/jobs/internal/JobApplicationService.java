package io.edumatrix.jobs.internal;

import io.edumatrix.jobs.ApplicationStatusChanged;
import io.edumatrix.jobs.ApplicationSubmitted;
import io.edumatrix.jobs.internal.JobApplication.Status;
import io.edumatrix.jobs.internal.Views.ApplicationView;
import io.edumatrix.platform.Ids;
import io.edumatrix.platform.Times;
import io.edumatrix.platform.domain.DomainException;
import io.edumatrix.platform.privacy.PersonalDataVault;
import io.edumatrix.platform.security.Caller;
import io.edumatrix.platform.web.Page;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Students' applications to postings of their institution. An applicant sees and withdraws their own; the posting's
 * poster and the institution's admins see a posting's applications and take them through the process. Another
 * student's application is not found, as if it did not exist.
 */
@Service
@Transactional("jobs")
class JobApplicationService {

    private final JobApplicationRepository applications;
    private final JobPostingRepository postings;
    private final JobPostingService postingService;
    private final PersonalDataVault vault;
    private final ApplicationEventPublisher events;

    JobApplicationService(JobApplicationRepository applications, JobPostingRepository postings,
            JobPostingService postingService, @Qualifier("jobs") PersonalDataVault vault,
            ApplicationEventPublisher events) {
        this.applications = applications;
        this.postings = postings;
        this.postingService = postingService;
        this.vault = vault;
        this.events = events;
    }

    /**
     * Only students apply, once per posting, while it is open and before its closing time. The posting's row is
     * share-locked meanwhile, so a concurrent closing waits for this application (or this one sees it closed).
     */
    ApplicationView apply(UUID postingId, Caller caller, String coverLetter) {
        JobApplication.requireMayApply(caller);
        postingService.visible(postingId, caller);
        var posting = postings.findForApplying(postingId)
                .orElseThrow(() -> DomainException.notFound("Job posting", postingId));
        posting.requireTakesApplicationsAt(Times.now());
        var id = Ids.next();
        var applicant = caller.accountId();
        JobApplication application;
        try {
            application = applications.save(JobApplication.submit(id, posting, applicant,
                    vault.seal(applicant, JobApplication.COVER_LETTER, id, coverLetter)));
        } catch (DuplicateKeyException e) {
            throw JobsProblems.ALREADY_APPLIED.exception(
                    "Account " + applicant + " has applied to job posting " + postingId + " already");
        }
        events.publishEvent(ApplicationSubmitted.of(posting.institutionId(), id, postingId, applicant));
        return open(application);
    }

    @Transactional(value = "jobs", readOnly = true)
    ApplicationView get(UUID id, Caller caller) {
        return open(readable(id, caller));
    }

    @Transactional(value = "jobs", readOnly = true)
    Page<ApplicationView> ofPosting(UUID postingId, Caller caller, UUID after, int limit) {
        postingService.get(postingId, caller).requireRunBy(caller, "sees a posting's applications");
        return Page.of(applications.findPageOfPosting(postingId, Page.after(after), limit + 1), limit,
                JobApplication::id).map(this::open);
    }

    @Transactional(value = "jobs", readOnly = true)
    Page<ApplicationView> mine(Caller caller, UUID after, int limit) {
        return Page.of(applications.findPageOfApplicant(caller.accountId(), Page.after(after), limit + 1), limit,
                JobApplication::id).map(this::open);
    }

    /**
     * The applicant withdraws; the posting's poster or an institution admin makes every other move. Two concurrent
     * changes read the same version, and the second to save fails on it (409 concurrent-update), so none is lost.
     */
    ApplicationView moveTo(UUID id, Caller caller, Status target) {
        var application = readable(id, caller);
        var from = application.status();
        application.moveBy(caller, runsPostingOf(application, caller), target);
        var saved = applications.save(application);
        events.publishEvent(ApplicationStatusChanged.of(saved.institutionId(), id, saved.postingId(),
                saved.applicantAccountId(), from.name(), target.name()));
        return open(saved);
    }

    /** The applicant's own application, or any of a posting the caller runs; anything else is not found. */
    private JobApplication readable(UUID id, Caller caller) {
        var application = applications.findById(id).orElseThrow(() -> DomainException.notFound("Job application", id));
        application.requireReadableBy(caller, !application.isApplicant(caller.accountId())
                && caller.staff() && runsPostingOf(application, caller));
        return application;
    }

    private boolean runsPostingOf(JobApplication application, Caller caller) {
        return postings.find(application.postingId()).filter(p -> p.isRunBy(caller)).isPresent();
    }

    private ApplicationView open(JobApplication a) {
        return new ApplicationView(a.id(), a.postingId(), a.applicantAccountId(),
                vault.openOrNull(a.applicantAccountId(), JobApplication.COVER_LETTER, a.id(), a.coverLetter()),
                a.status(), a.version(), a.submittedAt(), a.updatedAt());
    }
}
