package io.edumatrix.identity.internal.erasure;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A request to erase an account's personal data from every module; kept once completed, as the record that it was. */
@Table("erasure_request")
record ErasureRequest(@Id UUID id, UUID accountId, UUID requestedBy, Status status, Instant requestedAt,
        Instant completedAt) {

    enum Status {
        PENDING,
        COMPLETED
    }
}
