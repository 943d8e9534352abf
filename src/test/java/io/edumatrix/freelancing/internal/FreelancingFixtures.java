package io.edumatrix.freelancing.internal;

import io.edumatrix.platform.domain.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Gigs, proposals and contracts as stored, built in a line each for the unit tests of the module's rules. */
final class FreelancingFixtures {

    static final Instant NOW = Instant.parse("2030-03-01T12:00:00Z");
    static final UUID INSTITUTION = UUID.randomUUID();
    static final UUID CLIENT = UUID.randomUUID();
    static final UUID FREELANCER = UUID.randomUUID();
    static final UUID STRANGER = UUID.randomUUID();

    private FreelancingFixtures() {}

    static Money eur(long amountMinor) {
        return Money.of(amountMinor, "EUR");
    }

    /** An open gig of {@link #CLIENT} with a budget of 100 to 500 EUR, due a week after {@link #NOW}. */
    static Gig gig() {
        return gig(Gig.Status.OPEN, NOW.plus(Duration.ofDays(7)));
    }

    static Gig gig(Gig.Status status, Instant deadline) {
        return new Gig(UUID.randomUUID(), 0L, INSTITUTION, CLIENT, new byte[0], new byte[0], 10_000, "EUR", 50_000,
                "EUR", deadline, status, NOW, NOW);
    }

    /** {@link #FREELANCER}'s proposal of 300 EUR on {@code gig}. */
    static Proposal proposal(Gig gig, Proposal.Status status) {
        return new Proposal(UUID.randomUUID(), 0L, INSTITUTION, gig.id(), FREELANCER, 30_000, "EUR", new byte[0],
                status, NOW, NOW);
    }

    /** A contract of 400 EUR. */
    static Contract contract(Contract.Status status) {
        return new Contract(UUID.randomUUID(), 0L, INSTITUTION, UUID.randomUUID(), UUID.randomUUID(), 40_000, "EUR",
                status, NOW, NOW);
    }

    static ContractParties parties() {
        return new ContractParties(CLIENT, FREELANCER);
    }
}
