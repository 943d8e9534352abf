package bench.securedpeer;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A row of the same shape as EduMatrix's {@code courses.course}, so both read and serialise the same columns. */
@Table("item")
record Item(@Id UUID id, @Version Long version, UUID institutionId, String code, String title, String description,
        boolean enrollmentOpen, Instant createdAt, Instant updatedAt) {}
