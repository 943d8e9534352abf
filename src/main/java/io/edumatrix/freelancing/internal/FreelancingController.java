package io.edumatrix.freelancing.internal;

import io.edumatrix.freelancing.internal.Views.ContractView;
import io.edumatrix.freelancing.internal.Views.GigView;
import io.edumatrix.freelancing.internal.Views.MilestoneView;
import io.edumatrix.freelancing.internal.Views.ProposalView;
import io.edumatrix.platform.domain.Money;
import io.edumatrix.platform.security.Callers;
import io.edumatrix.platform.security.Member;
import io.edumatrix.platform.web.Page;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Freelancing over HTTP. Every endpoint acts in the token's institution, as its member; the caller is the token's
 * account, so the client of a gig and the parties of a contract are who the tokens say. {@code version} on a status
 * change is optional: sent, it must be the one read (else 409 concurrent-update).
 */
@RestController
@RequestMapping("/api/freelancing")
class FreelancingController {

    private final GigService gigs;
    private final ProposalService proposals;
    private final ContractService contracts;

    FreelancingController(GigService gigs, ProposalService proposals, ContractService contracts) {
        this.gigs = gigs;
        this.proposals = proposals;
        this.contracts = contracts;
    }

    record PostGig(@NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 10000) String description,
            @Valid @NotNull Money budgetMin, @Valid @NotNull Money budgetMax, @NotNull @Future Instant deadline) {}

    record Propose(@Valid @NotNull Money price, @NotBlank @Size(max = 10000) String message) {}

    record AddMilestone(@NotBlank @Size(max = 200) String title, @Valid @NotNull Money amount,
            @NotNull LocalDate dueDate) {}

    record GigStatus(@NotNull Gig.Status status, Long version) {}

    record ProposalStatus(@NotNull Proposal.Status status, Long version) {}

    record ContractStatus(@NotNull Contract.Status status, Long version) {}

    record MilestoneStatus(@NotNull Milestone.Status status, Long version) {}

    @PostMapping("/gigs")
    @Member
    ResponseEntity<GigView> postGig(@Valid @RequestBody PostGig request) {
        var caller = Callers.require();
        var gig = gigs.post(caller.institutionId().orElseThrow(), caller.accountId(), request.title(),
                request.description(), request.budgetMin(), request.budgetMax(), request.deadline());
        return ResponseEntity.created(URI.create("/api/freelancing/gigs/" + gig.id())).body(gig);
    }

    @GetMapping("/gigs")
    @Member
    Page<GigView> gigs(@RequestParam(required = false) Gig.Status status, @RequestParam(required = false) UUID after,
            @RequestParam(defaultValue = Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit) {
        return gigs.list(status, after, limit);
    }

    @GetMapping("/gigs/{id}")
    @Member
    GigView gig(@PathVariable UUID id) {
        return gigs.get(id);
    }

    @PostMapping("/gigs/{id}/status")
    @Member
    GigView changeGigStatus(@PathVariable UUID id, @Valid @RequestBody GigStatus request) {
        return gigs.changeStatus(id, Callers.require().accountId(), request.status(), request.version());
    }

    @PostMapping("/gigs/{id}/proposals")
    @Member
    ResponseEntity<ProposalView> propose(@PathVariable UUID id, @Valid @RequestBody Propose request) {
        var proposal = proposals.submit(id, Callers.require().accountId(), request.price(), request.message());
        return ResponseEntity.created(URI.create("/api/freelancing/proposals/" + proposal.id())).body(proposal);
    }

    @GetMapping("/gigs/{id}/proposals")
    @Member
    Page<ProposalView> proposals(@PathVariable UUID id, @RequestParam(required = false) UUID after,
            @RequestParam(defaultValue = Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit) {
        return proposals.list(id, Callers.require().accountId(), after, limit);
    }

    @GetMapping("/proposals/{id}")
    @Member
    ProposalView proposal(@PathVariable UUID id) {
        return proposals.get(id, Callers.require().accountId());
    }

    @PostMapping("/proposals/{id}/status")
    @Member
    ProposalView changeProposalStatus(@PathVariable UUID id, @Valid @RequestBody ProposalStatus request) {
        return proposals.changeStatus(id, Callers.require().accountId(), request.status(), request.version());
    }

    @GetMapping("/contracts/mine")
    @Member
    Page<ContractView> myContracts(@RequestParam(required = false) UUID after,
            @RequestParam(defaultValue = Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit) {
        return contracts.mine(Callers.require().accountId(), after, limit);
    }

    @GetMapping("/contracts/{id}")
    @Member
    ContractView contract(@PathVariable UUID id) {
        return contracts.get(id, Callers.require().accountId());
    }

    @PostMapping("/contracts/{id}/status")
    @Member
    ContractView changeContractStatus(@PathVariable UUID id, @Valid @RequestBody ContractStatus request) {
        return contracts.changeStatus(id, Callers.require().accountId(), request.status(), request.version());
    }

    /** A milestone is read with its contract, so the answer points there. */
    @PostMapping("/contracts/{id}/milestones")
    @Member
    ResponseEntity<MilestoneView> addMilestone(@PathVariable UUID id, @Valid @RequestBody AddMilestone request) {
        var milestone = contracts.addMilestone(id, Callers.require().accountId(), request.title(), request.amount(),
                request.dueDate());
        return ResponseEntity.created(URI.create("/api/freelancing/contracts/" + id)).body(milestone);
    }

    @PostMapping("/milestones/{id}/status")
    @Member
    MilestoneView changeMilestoneStatus(@PathVariable UUID id, @Valid @RequestBody MilestoneStatus request) {
        return contracts.changeMilestoneStatus(id, Callers.require().accountId(), request.status(), request.version());
    }
}
