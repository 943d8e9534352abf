package io.edumatrix.courses.internal;

import io.edumatrix.institutions.AccountDirectory;
import io.edumatrix.institutions.InstitutionsApi;
import io.edumatrix.platform.Ids;
import io.edumatrix.platform.privacy.PersonalDataVault;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Certificates: issued when an enrollment is completed, verified by anyone with the code. */
@Service
@Transactional("courses")
class CertificateService {

    private final CertificateRepository certificates;
    private final CourseRepository courses;
    private final InstitutionsApi institutions;
    private final AccountDirectory accounts;
    private final PersonalDataVault vault;

    CertificateService(CertificateRepository certificates, CourseRepository courses, InstitutionsApi institutions,
            AccountDirectory accounts, @Qualifier("courses") PersonalDataVault vault) {
        this.certificates = certificates;
        this.courses = courses;
        this.institutions = institutions;
        this.accounts = accounts;
        this.vault = vault;
    }

    /** The certificate of the enrollment just completed, in the completion's transaction. */
    Certificate issue(Enrollment completed) {
        var course = courses.findById(completed.courseId()).orElseThrow();
        var institution = institutions.findInstitution(completed.institutionId()).orElseThrow();
        var id = Ids.next();
        var holder = vault.sealOrNull(completed.studentId(), Certificate.HOLDER_NAME, id,
                accounts.displayNameOf(completed.studentId()).orElse(null));
        var certificate = certificates.save(new Certificate(id, null, completed.institutionId(), completed.id(),
                completed.studentId(), Certificate.newCode(), course.title(), institution.name(), holder,
                completed.completedAt()));
        certificates.index(certificate.code(), certificate.institutionId());
        return certificate;
    }

    @Transactional(value = "courses", readOnly = true)
    Optional<String> codeOf(UUID enrollmentId) {
        return certificates.findCodeOfEnrollment(enrollmentId);
    }

    /** The institution that holds the certificate of {@code code}, from the global index: read with no tenant. */
    @Transactional(value = "courses", readOnly = true)
    Optional<UUID> institutionOf(String code) {
        return certificates.institutionOf(code);
    }

    /**
     * What the certificate reveals, read in a transaction of its institution; nothing once its holder is erased (the
     * certificate deleted, or the holder's name no longer readable).
     */
    @Transactional(value = "courses", readOnly = true)
    Optional<Verified> read(String code) {
        return certificates.findByCode(code).flatMap(c -> (c.holderName() == null ? Optional.<String>empty()
                : vault.open(c.studentId(), Certificate.HOLDER_NAME, c.id(), c.holderName()))
                .map(holder -> new Verified(c.courseTitle(), c.institutionName(), holder, c.completedAt())));
    }

    record Verified(String courseTitle, String institutionName, String holderName, Instant completedAt) {}
}
