package io.edumatrix.freelancing.internal;

import io.edumatrix.freelancing.GigClosed;
import io.edumatrix.freelancing.GigPosted;
import io.edumatrix.freelancing.internal.Views.GigView;
import io.edumatrix.platform.Ids;
import io.edumatrix.platform.Times;
import io.edumatrix.platform.domain.DomainException;
import io.edumatrix.platform.domain.Money;
import io.edumatrix.platform.privacy.PersonalDataVault;
import io.edumatrix.platform.web.Page;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gigs, posted and withdrawn by their client, in the caller's institution: row-level security hides every other one's,
 * so another institution's gig is simply not found.
 */
@Service
@Transactional("freelancing")
class GigService {

    private final GigRepository gigs;
    private final ProposalRepository proposals;
    private final PersonalDataVault vault;
    private final ApplicationEventPublisher events;

    GigService(GigRepository gigs, ProposalRepository proposals, @Qualifier("freelancing") PersonalDataVault vault,
            ApplicationEventPublisher events) {
        this.gigs = gigs;
        this.proposals = proposals;
        this.vault = vault;
        this.events = events;
    }

    GigView post(UUID institutionId, UUID clientAccountId, String title, String description, Money budgetMin,
            Money budgetMax, Instant deadline) {
        var id = Ids.next();
        var gig = gigs.save(Gig.open(id, institutionId, clientAccountId,
                vault.seal(clientAccountId, Gig.TITLE, id, title),
                vault.seal(clientAccountId, Gig.DESCRIPTION, id, description), budgetMin, budgetMax,
                deadline.truncatedTo(ChronoUnit.MICROS), Times.now()));
        events.publishEvent(GigPosted.of(institutionId, id, clientAccountId));
        return open(gig);
    }

    @Transactional(value = "freelancing", readOnly = true)
    GigView get(UUID id) {
        return open(find(id));
    }

    @Transactional(value = "freelancing", readOnly = true)
    Page<GigView> list(Gig.Status status, UUID after, int limit) {
        var page = status == null ? gigs.findPage(Page.after(after), limit + 1)
                : gigs.findPageByStatus(status.name(), Page.after(after), limit + 1);
        return Page.of(page, limit, Gig::id).map(this::open);
    }

    /** Only the client withdraws an open gig; its submitted proposals are rejected with it. */
    GigView changeStatus(UUID id, UUID accountId, Gig.Status to, Long version) {
        var gig = find(id);
        gig.requireChangeBy(accountId, to, version);
        close(gig);
        return open(find(id));
    }

    /** Closes an open or awarded gig, rejects its submitted proposals and announces it. */
    void close(Gig gig) {
        Gig.LIFECYCLE.check(gig.status(), Gig.Status.CLOSED);
        Changes.requireMoved(gigs.move(gig.id(), gig.status().name(), Gig.Status.CLOSED.name()), Gig.LIFECYCLE,
                () -> find(gig.id()).status(), Gig.Status.CLOSED, "Gig", gig.id());
        proposals.rejectSubmitted(List.of(gig.id()));
        events.publishEvent(GigClosed.of(gig.institutionId(), gig.id()));
    }

    /**
     * Closes every open gig of the transaction's institution, rejecting their submitted proposals, and announces each.
     * Run again it finds none open, so it does nothing.
     */
    int closeAllOpen(UUID institutionId) {
        var closed = gigs.closeAllOpen();
        if (!closed.isEmpty()) {
            proposals.rejectSubmitted(closed);
        }
        closed.forEach(gigId -> events.publishEvent(GigClosed.of(institutionId, gigId)));
        return closed.size();
    }

    Gig find(UUID id) {
        return gigs.findById(id).orElseThrow(() -> DomainException.notFound("Gig", id));
    }

    GigView open(Gig g) {
        return new GigView(g.id(), g.institutionId(), g.clientAccountId(),
                vault.openOrNull(g.clientAccountId(), Gig.TITLE, g.id(), g.title()),
                vault.openOrNull(g.clientAccountId(), Gig.DESCRIPTION, g.id(), g.description()), g.budgetMin(),
                g.budgetMax(), g.deadline(), g.status(), g.version(), g.createdAt(), g.updatedAt());
    }
}
