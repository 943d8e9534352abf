package io.edumatrix.freelancing.internal;

import io.edumatrix.platform.domain.DomainException;
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

    /** Seen by its freelancer and by its gig's client, by nobody else. */
    boolean isVisibleTo(UUID accountId, Gig gig) {
        return freelancerAccountId.equals(accountId) || gig.isClient(accountId);
    }

    /**
     * The gig's client accepts or rejects a submitted proposal, its freelancer withdraws it; to anyone else it does not
     * exist. Accepting awards the gig, so the gig must still be open to it. {@code expectedVersion} is optional.
     */
    void requireMoveBy(UUID accountId, Gig gig, Status to, Long expectedVersion) {
        if (!isVisibleTo(accountId, gig)) {
            throw DomainException.notFound("Proposal", id);
        }
        if (to == Status.WITHDRAWN ? !freelancerAccountId.equals(accountId) : !gig.isClient(accountId)) {
            throw FreelancingProblems.FORBIDDEN.exception(to == Status.WITHDRAWN
                    ? "Only its freelancer withdraws a proposal" : "Only the gig's client accepts or rejects a proposal");
        }
        Changes.requireVersion("Proposal", id, version, expectedVersion);
        LIFECYCLE.check(status, to);
        if (to == Status.ACCEPTED) {
            Gig.LIFECYCLE.check(gig.status(), Gig.Status.AWARDED);
        }
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
