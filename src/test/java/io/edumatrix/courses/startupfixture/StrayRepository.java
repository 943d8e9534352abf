package io.edumatrix.courses.startupfixture;

import java.util.UUID;
import org.springframework.data.repository.Repository;

public interface StrayRepository extends Repository<StrayRecord, UUID> {}
