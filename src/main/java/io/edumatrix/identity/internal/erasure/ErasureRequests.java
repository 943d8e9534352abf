package io.edumatrix.identity.internal.erasure;

import io.edumatrix.identity.internal.IdentityProperties;
import io.edumatrix.identity.internal.accounts.AccountRepository;
import io.edumatrix.identity.internal.keys.TokenVerification;
import io.edumatrix.platform.Ids;
import io.edumatrix.platform.Times;
import io.edumatrix.platform.domain.DomainException;
import io.edumatrix.platform.privacy.ErasureRequested;
import io.edumatrix.platform.privacy.PersonalDataHolders;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erasure requests and their progress. A request is recorded with one step per module that holds personal data, and
 * announced with {@link ErasureRequested} in the same transaction; each module's confirmation marks its step, and the
 * last one completes the request (ADR 0015).
 */
@Service
@Transactional("identity")
class ErasureRequests {

    private static final Logger log = LoggerFactory.getLogger(ErasureRequests.class);

    /** A request as its status endpoint shows it, with who asked for it. */
    record Progress(UUID id, UUID accountId, UUID requestedBy, ErasureRequest.Status status, Instant requestedAt,
            Instant completedAt, List<ErasureStep> steps) {}

    private final ErasureRequestRepository requests;
    private final ErasureStepRepository steps;
    private final AccountRepository accounts;
    private final PersonalDataHolders holders;
    private final ApplicationEventPublisher events;
    private final IdentityProperties properties;

    ErasureRequests(ErasureRequestRepository requests, ErasureStepRepository steps, AccountRepository accounts,
            PersonalDataHolders holders, ApplicationEventPublisher events, IdentityProperties properties) {
        this.requests = requests;
        this.steps = steps;
        this.accounts = accounts;
        this.holders = holders;
        this.events = events;
        this.properties = properties;
    }

    /** The account's pending request if there is one; otherwise a new one. An unknown account is not found. */
    Progress request(UUID accountId, UUID requestedBy) {
        requests.lockAccount(accountId);
        var pending = requests.findPendingByAccountId(accountId);
        if (pending.isPresent()) {
            return progress(pending.get());
        }
        if (!accounts.existsById(accountId)) {
            throw DomainException.notFound("Account", accountId);
        }
        var id = Ids.next();
        requests.insert(id, accountId, requestedBy, Times.now());
        holders.awaitedModules().forEach(module -> steps.insert(Ids.next(), id, module));
        events.publishEvent(ErasureRequested.of(id, accountId, "identity"));
        return progress(requests.findById(id).orElseThrow());
    }

    @Transactional(value = "identity", readOnly = true)
    Optional<Progress> find(UUID id) {
        return requests.findById(id).map(this::progress);
    }

    /**
     * Accounts with an erasure pending, or completed so recently that an access token issued before it may still be
     * unexpired.
     */
    @Transactional(value = "identity", readOnly = true)
    List<UUID> accountsErasedRecently() {
        var horizon = properties.accessTokenTtl().plus(TokenVerification.CLOCK_SKEW);
        return requests.findAccountsPendingOrCompletedSince(Times.now().minus(horizon));
    }

    /** Idempotent: a module confirming twice, or a request completed already, changes nothing. */
    void confirm(UUID requestId, String module) {
        if (requests.lock(requestId).isEmpty()) {
            log.warn("Module {} confirmed erasure request {}, which does not exist", module, requestId);
            return;
        }
        if (steps.confirm(requestId, module, Times.now()) == 0) {
            log.info("Erasure request {}: module {} confirmed before, or is not awaited", requestId, module);
        }
        if (steps.countUnconfirmed(requestId) == 0 && requests.complete(requestId, Times.now()) == 1) {
            log.info("Erasure request {} completed: every module confirmed", requestId);
        }
    }

    private Progress progress(ErasureRequest request) {
        return new Progress(request.id(), request.accountId(), request.requestedBy(), request.status(),
                request.requestedAt(), request.completedAt(), steps.findByRequestId(request.id()));
    }
}
