package io.edumatrix.jobs.internal;

import io.edumatrix.platform.privacy.PersonalDataHolder;
import io.edumatrix.platform.privacy.PersonalDataVault;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * What jobs holds about a person, in every institution: the applications they made (with their cover letters), and
 * which postings they posted.
 *
 * <p>Erasure deletes the person's applications and forgets their key of this module, so that the cover letters' copies
 * in the audit trail and backups stay unreadable. The postings they authored stay: they describe a job of the
 * institution, not the person, and other students' applications hang on them. Only the link to the person goes (their
 * {@code job_posting_poster} rows are deleted): such a posting has no poster any more ({@code postedByAccountId} null),
 * and its institution's admins keep managing it and its applications.
 */
@Component
class JobsPersonalData implements PersonalDataHolder {

    private final PersonalJobsDataRepository data;
    private final PersonalDataVault vault;

    JobsPersonalData(PersonalJobsDataRepository data, @Qualifier("jobs") PersonalDataVault vault) {
        this.data = data;
        this.vault = vault;
    }

    record ApplicationData(UUID applicationId, UUID institutionId, UUID postingId, String status, String coverLetter,
            Instant submittedAt, Instant updatedAt) {}

    @Override
    public Map<String, Object> export(UUID accountId) {
        return Map.of(
                "applications", data.applicationsOf(accountId).stream().map(a -> new ApplicationData(a.id(),
                        a.institutionId(), a.postingId(), a.status().name(),
                        vault.openOrNull(accountId, JobApplication.COVER_LETTER, a.id(), a.coverLetter()),
                        a.submittedAt(), a.updatedAt())).toList(),
                "postedPostings", data.postingsPostedBy(accountId));
    }

    @Override
    public void erase(UUID accountId) {
        data.deleteApplicationsOf(accountId);
        data.forgetPostingsOf(accountId);
        vault.forget(accountId);
    }
}
