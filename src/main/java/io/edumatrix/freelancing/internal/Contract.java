package io.edumatrix.freelancing.internal;

import io.edumatrix.platform.domain.Money;
import io.edumatrix.platform.domain.StateMachine;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A contract as stored: the money facts only. Who its parties are is in {@code contract_party}, one row each, so that
 * erasing a person drops their link and keeps the contract.
 */
@Table("contract")
class Contract {

    enum Status { ACTIVE, DELIVERED, COMPLETED, CANCELLED }

    /** DELIVERED back to ACTIVE is the client asking for changes. */
    static final StateMachine<Status> LIFECYCLE = StateMachine.of(Status.class)
            .allow(Status.ACTIVE, Status.DELIVERED, Status.CANCELLED)
            .allow(Status.DELIVERED, Status.ACTIVE, Status.COMPLETED, Status.CANCELLED)
            .build();

    @Id
    private final UUID id;
    @Version
    private Long version;
    private final UUID institutionId;
    private final UUID gigId;
    private final UUID proposalId;
    private final long priceMinor;
    private final String priceCurrency;
    private final Status status;
    private final Instant createdAt;
    private final Instant updatedAt;

    @PersistenceCreator
    Contract(UUID id, Long version, UUID institutionId, UUID gigId, UUID proposalId, long priceMinor,
            String priceCurrency, Status status, Instant createdAt, Instant updatedAt) {
        this.id = id;
        this.version = version;
        this.institutionId = institutionId;
        this.gigId = gigId;
        this.proposalId = proposalId;
        this.priceMinor = priceMinor;
        this.priceCurrency = priceCurrency;
        this.status = status;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    static Contract of(UUID id, Proposal accepted, Instant now) {
        return new Contract(id, null, accepted.institutionId(), accepted.gigId(), accepted.id(),
                accepted.price().amountMinor(), accepted.price().currency(), Status.ACTIVE, now, now);
    }

    /**
     * A milestone goes to an ACTIVE contract, in its currency, and all its milestones together ({@code planned} before
     * this one) cost no more than its price.
     */
    void requireTakesMilestone(Money amount, long plannedMinor) {
        if (status != Status.ACTIVE) {
            throw FreelancingProblems.CONTRACT_NOT_ACTIVE.exception("Contract " + id + " is " + status
                    + "; milestones are added to ACTIVE contracts only").with("currentState", status.name());
        }
        if (!amount.sameCurrencyAs(price())) {
            throw FreelancingProblems.invalid("amount.currency", "must be the contract's currency ("
                    + price().currency() + ")");
        }
        var remaining = priceMinor - plannedMinor;
        if (amount.amountMinor() > remaining) {
            throw FreelancingProblems.MILESTONES_EXCEED_PRICE.exception("Contract " + id + " costs " + priceMinor
                            + " " + price().currency() + ", of which " + remaining + " is left for milestones")
                    .with("price", price()).with("remaining", Money.of(Math.max(remaining, 0), price().currency()));
        }
    }

    /** A contract that has ended (no move left) keeps its milestones as they are. */
    void requireMilestonesChange() {
        if (LIFECYCLE.from(status).isEmpty()) {
            throw FreelancingProblems.CONTRACT_ENDED.exception("Contract " + id + " is " + status
                    + "; its milestones no longer change").with("currentState", status.name());
        }
    }

    /** {@code expectedVersion} is optional. */
    void requireMove(Status to, Long expectedVersion) {
        Changes.requireVersion("Contract", id, version, expectedVersion);
        LIFECYCLE.check(status, to);
    }

    boolean ends(Status to) {
        return LIFECYCLE.from(to).isEmpty();
    }

    UUID id() { return id; }
    long version() { return version; }
    UUID institutionId() { return institutionId; }
    UUID gigId() { return gigId; }
    UUID proposalId() { return proposalId; }
    Money price() { return Money.of(priceMinor, priceCurrency.trim()); }
    Status status() { return status; }
    Instant createdAt() { return createdAt; }
    Instant updatedAt() { return updatedAt; }
}
