package io.edumatrix.freelancing.internal;

import io.edumatrix.platform.domain.Money;
import io.edumatrix.platform.domain.StateMachine;
import io.edumatrix.platform.privacy.SealedColumn;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A proposal as stored: the message is ciphertext sealed for the freelancer's account. */
@Table("proposal")
class Proposal {

    enum Status { SUBMITTED, ACCEPTED, REJECTED, WITHDRAWN }

    static final StateMachine<Status> LIFECYCLE = StateMachine.of(Status.class)
            .allow(Status.SUBMITTED, Status.ACCEPTED, Status.REJECTED, Status.WITHDRAWN)
            .build();

    /** The sealed column, named in the associated data of its values. */
    static final SealedColumn MESSAGE = SealedColumn.of("proposal", "message");

    @Id
    private final UUID id;
    @Version
    private Long version;
    private final UUID institutionId;
    private final UUID gigId;
    private final UUID freelancerAccountId;
    private final long priceMinor;
    private final String priceCurrency;
    private final byte[] message;
    private final Status status;
    private final Instant createdAt;
    private final Instant updatedAt;

    @PersistenceCreator
    Proposal(UUID id, Long version, UUID institutionId, UUID gigId, UUID freelancerAccountId, long priceMinor,
            String priceCurrency, byte[] message, Status status, Instant createdAt, Instant updatedAt) {
        this.id = id;
        this.version = version;
        this.institutionId = institutionId;
        this.gigId = gigId;
        this.freelancerAccountId = freelancerAccountId;
        this.priceMinor = priceMinor;
        this.priceCurrency = priceCurrency;
        this.message = message;
        this.status = status;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    static Proposal submit(UUID id, Gig gig, UUID freelancerAccountId, Money price, byte[] message, Instant now) {
        return new Proposal(id, null, gig.institutionId(), gig.id(), freelancerAccountId, price.amountMinor(),
                price.currency(), message, Status.SUBMITTED, now, now);
    }

    UUID id() { return id; }
    long version() { return version; }
    UUID institutionId() { return institutionId; }
    UUID gigId() { return gigId; }
    UUID freelancerAccountId() { return freelancerAccountId; }
    Money price() { return Money.of(priceMinor, priceCurrency.trim()); }
    byte[] message() { return message; }
    Status status() { return status; }
    Instant createdAt() { return createdAt; }
    Instant updatedAt() { return updatedAt; }
}
