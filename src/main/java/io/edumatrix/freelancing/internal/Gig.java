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

/** A gig as stored: title and description are ciphertext sealed for the client's account. */
@Table("gig")
class Gig {

    enum Status { OPEN, AWARDED, CLOSED }

    /** Every move a gig makes: awarded by an accepted proposal; closed by its client, its contract or institution. */
    static final StateMachine<Status> LIFECYCLE = StateMachine.of(Status.class)
            .allow(Status.OPEN, Status.AWARDED, Status.CLOSED)
            .allow(Status.AWARDED, Status.CLOSED)
            .build();

    /** What the client may ask for directly: withdrawing an open gig. Awarding and ending follow from proposals. */
    static final StateMachine<Status> BY_CLIENT = StateMachine.of(Status.class)
            .allow(Status.OPEN, Status.CLOSED)
            .build();

    /** The sealed columns, named in the associated data of their values. */
    static final SealedColumn TITLE = SealedColumn.of("gig", "title");
    static final SealedColumn DESCRIPTION = SealedColumn.of("gig", "description");

    @Id
    private final UUID id;
    @Version
    private Long version;
    private final UUID institutionId;
    private final UUID clientAccountId;
    private final byte[] title;
    private final byte[] description;
    private final long budgetMinMinor;
    private final String budgetMinCurrency;
    private final long budgetMaxMinor;
    private final String budgetMaxCurrency;
    private final Instant deadline;
    private final Status status;
    private final Instant createdAt;
    private final Instant updatedAt;

    @PersistenceCreator
    Gig(UUID id, Long version, UUID institutionId, UUID clientAccountId, byte[] title, byte[] description,
            long budgetMinMinor, String budgetMinCurrency, long budgetMaxMinor, String budgetMaxCurrency,
            Instant deadline, Status status, Instant createdAt, Instant updatedAt) {
        this.id = id;
        this.version = version;
        this.institutionId = institutionId;
        this.clientAccountId = clientAccountId;
        this.title = title;
        this.description = description;
        this.budgetMinMinor = budgetMinMinor;
        this.budgetMinCurrency = budgetMinCurrency;
        this.budgetMaxMinor = budgetMaxMinor;
        this.budgetMaxCurrency = budgetMaxCurrency;
        this.deadline = deadline;
        this.status = status;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    static Gig open(UUID id, UUID institutionId, UUID clientAccountId, byte[] title, byte[] description,
            Money budgetMin, Money budgetMax, Instant deadline, Instant now) {
        requireBudget(budgetMin, budgetMax);
        return new Gig(id, null, institutionId, clientAccountId, title, description, budgetMin.amountMinor(),
                budgetMin.currency(), budgetMax.amountMinor(), budgetMax.currency(), deadline, Status.OPEN, now, now);
    }

    /** A budget is a range in one currency. */
    static void requireBudget(Money budgetMin, Money budgetMax) {
        if (!budgetMax.sameCurrencyAs(budgetMin)) {
            throw FreelancingProblems.invalid("budgetMax.currency",
                    "must be the currency of budgetMin (" + budgetMin.currency() + ")");
        }
        if (budgetMax.compareAmount(budgetMin) < 0) {
            throw FreelancingProblems.invalid("budgetMax.amountMinor", "must not be less than budgetMin.amountMinor");
        }
    }

    /**
     * Whether {@code freelancerAccountId} may propose {@code price} at {@code now}: anyone but the client, while the gig
     * is OPEN and before its deadline, in the gig's currency.
     */
    void requireTakesProposal(UUID freelancerAccountId, Money price, Instant now) {
        if (isClient(freelancerAccountId)) {
            throw FreelancingProblems.FORBIDDEN.exception("A gig's client does not send proposals on it");
        }
        if (status != Status.OPEN) {
            throw FreelancingProblems.GIG_NOT_OPEN.exception("Gig " + id + " is " + status
                    + "; proposals go to OPEN gigs only").with("currentState", status.name());
        }
        if (!now.isBefore(deadline)) {
            throw FreelancingProblems.GIG_DEADLINE_PASSED.exception("Gig " + id + " took proposals until its deadline, "
                    + deadline + ", which has passed").with("deadline", deadline.toString());
        }
        if (!price.currency().equals(currency())) {
            throw FreelancingProblems.invalid("price.currency", "must be the gig's budget currency (" + currency() + ")");
        }
    }

    /** Only its client changes a gig directly, and only as {@link #BY_CLIENT} allows; {@code expectedVersion} is optional. */
    void requireChangeBy(UUID accountId, Status to, Long expectedVersion) {
        if (!isClient(accountId)) {
            throw FreelancingProblems.FORBIDDEN.exception("Only its client changes a gig's status");
        }
        Changes.requireVersion("Gig", id, version, expectedVersion);
        BY_CLIENT.check(status, to);
    }

    boolean isClient(UUID accountId) {
        return clientAccountId.equals(accountId);
    }

    String currency() {
        return budgetMinCurrency.trim();
    }

    UUID id() { return id; }
    long version() { return version; }
    UUID institutionId() { return institutionId; }
    UUID clientAccountId() { return clientAccountId; }
    byte[] title() { return title; }
    byte[] description() { return description; }
    Money budgetMin() { return Money.of(budgetMinMinor, budgetMinCurrency.trim()); }
    Money budgetMax() { return Money.of(budgetMaxMinor, budgetMaxCurrency.trim()); }
    Instant deadline() { return deadline; }
    Status status() { return status; }
    Instant createdAt() { return createdAt; }
    Instant updatedAt() { return updatedAt; }
}
