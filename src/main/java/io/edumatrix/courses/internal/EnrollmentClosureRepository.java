package io.edumatrix.courses.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

interface EnrollmentClosureRepository extends ListCrudRepository<EnrollmentClosure, UUID> {

    List<EnrollmentClosure> findByInstitutionId(UUID institutionId);
}
