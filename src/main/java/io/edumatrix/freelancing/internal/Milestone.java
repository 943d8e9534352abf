package io.edumatrix.freelancing.internal;

import io.edumatrix.platform.domain.Money;
import io.edumatrix.platform.domain.StateMachine;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A part of a contract's work, with its amount in the contract's currency. */
@Table("milestone")
class Milestone {

    enum Status { PENDING, DELIVERED, ACCEPTED }

    static final StateMachine<Status> LIFECYCLE = StateMachine.of(Status.class)
            .allow(Status.PENDING, Status.DELIVERED)
            .allow(Status.DELIVERED, Status.ACCEPTED)
            .build();

    @Id
    private final UUID id;
    @Version
    private Long version;
    private final UUID institutionId;
    private final UUID contractId;
    private final String title;
    private final long amountMinor;
    private final String amountCurrency;
    private final LocalDate dueDate;
    private final Status status;
    private final Instant createdAt;
    private final Instant updatedAt;

    @PersistenceCreator
    Milestone(UUID id, Long version, UUID institutionId, UUID contractId, String title, long amountMinor,
            String amountCurrency, LocalDate dueDate, Status status, Instant createdAt, Instant updatedAt) {
        this.id = id;
        this.version = version;
        this.institutionId = institutionId;
        this.contractId = contractId;
        this.title = title;
        this.amountMinor = amountMinor;
        this.amountCurrency = amountCurrency;
        this.dueDate = dueDate;
        this.status = status;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    static Milestone pending(UUID id, Contract contract, String title, Money amount, LocalDate dueDate, Instant now) {
        return new Milestone(id, null, contract.institutionId(), contract.id(), title, amount.amountMinor(),
                amount.currency(), dueDate, Status.PENDING, now, now);
    }

    /** {@code expectedVersion} is optional. */
    void requireMove(Status to, Long expectedVersion) {
        Changes.requireVersion("Milestone", id, version, expectedVersion);
        LIFECYCLE.check(status, to);
    }

    UUID id() { return id; }
    long version() { return version; }
    UUID contractId() { return contractId; }
    String title() { return title; }
    Money amount() { return Money.of(amountMinor, amountCurrency.trim()); }
    LocalDate dueDate() { return dueDate; }
    Status status() { return status; }
    Instant createdAt() { return createdAt; }
    Instant updatedAt() { return updatedAt; }
}
