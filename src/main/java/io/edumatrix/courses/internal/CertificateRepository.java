package io.edumatrix.courses.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface CertificateRepository extends ListCrudRepository<Certificate, UUID> {

    Optional<Certificate> findByCode(String code);

    @Query("SELECT code FROM certificate WHERE enrollment_id = :enrollmentId")
    Optional<String> findCodeOfEnrollment(UUID enrollmentId);

    /** The global index from code to institution, for the anonymous verification (ADR 0011). */
    @Modifying
    @Query("INSERT INTO certificate_code (code, institution_id) VALUES (:code, :institutionId)")
    int index(String code, UUID institutionId);

    @Query("SELECT institution_id FROM certificate_code WHERE code = :code")
    Optional<UUID> institutionOf(String code);

    @Query("SELECT code FROM certificate WHERE student_id = :studentId ORDER BY completed_at")
    List<String> codesOf(UUID studentId);

    @Modifying
    @Query("DELETE FROM certificate_code WHERE code IN (:codes)")
    int unindex(List<String> codes);

    @Modifying
    @Query("DELETE FROM certificate WHERE student_id = :studentId")
    int deleteByStudentId(UUID studentId);
}
