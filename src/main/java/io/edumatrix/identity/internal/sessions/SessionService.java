package io.edumatrix.identity.internal.sessions;

import io.edumatrix.identity.internal.SecretTokens;
import io.edumatrix.identity.internal.IdentityProblems;
import io.edumatrix.identity.internal.IdentityProperties;
import io.edumatrix.identity.internal.accounts.AccountRepository;
import io.edumatrix.identity.internal.accounts.StoredAccount;
import io.edumatrix.platform.Ids;
import io.edumatrix.platform.Times;
import io.edumatrix.platform.domain.DomainException;
import io.edumatrix.platform.observability.SecurityEvents;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sessions and their refresh tokens. Each refresh uses its token once and issues the next one in the same session
 * (family); a token presented again after it was used means two parties hold it, so the whole session is revoked.
 */
@Service
@Transactional("identity")
class SessionService {

    /** A refresh token claimed for one refresh: who it is for and where it refreshes into. */
    record Claim(UUID accountId, UUID sessionId, UUID institutionId) {}

    /** A refresh token value as handed to the client, with the session it belongs to. */
    record IssuedRefreshToken(UUID sessionId, String value, Instant expiresAt) {}

    private final SessionFamilyRepository families;
    private final RefreshTokenRepository tokens;
    private final AccountRepository accounts;
    private final RevokedSessions revokedSessions;
    private final IdentityProperties properties;
    private final SecurityEvents security;

    SessionService(SessionFamilyRepository families, RefreshTokenRepository tokens, AccountRepository accounts,
            RevokedSessions revokedSessions, IdentityProperties properties, SecurityEvents security) {
        this.families = families;
        this.tokens = tokens;
        this.accounts = accounts;
        this.revokedSessions = revokedSessions;
        this.properties = properties;
        this.security = security;
    }

    IssuedRefreshToken start(UUID accountId, UUID institutionId) {
        var sessionId = Ids.next();
        families.insert(sessionId, accountId, Times.now());
        return issue(sessionId, institutionId);
    }

    /**
     * Who the presented token is for and where it refreshes into, without using it, or its refusal: what a refresh
     * checks (the institution's staff policy) before it uses the token, so that a refusal changes nothing.
     */
    @Transactional(value = "identity", readOnly = true)
    Claim inspect(String presented) {
        var token = tokens.findByTokenHash(SecretTokens.hash(presented))
                .orElseThrow(() -> RefreshToken.refused("is not known"));
        var family = families.findById(token.familyId()).orElseThrow();
        token.requireUsableIn(family, Times.now());
        return new Claim(family.accountId(), family.id(), token.institutionId());
    }

    /**
     * Uses the presented token, or refuses it. The refusals commit: a reused token's session stays revoked though the
     * caller gets an exception.
     */
    @Transactional(value = "identity", noRollbackFor = DomainException.class)
    Claim claim(String presented) {
        var now = Times.now();
        var token = tokens.findByTokenHash(SecretTokens.hash(presented))
                .orElseThrow(() -> RefreshToken.refused("is not known"));
        var family = families.findById(token.familyId()).orElseThrow();
        token.requireUsableIn(family, now);
        if (!tokens.markUsed(token.id(), now)) {
            revoke(family.id(), SessionFamily.TOKEN_REUSED);
            security.refreshTokenReused(family.accountId());
            throw RefreshToken.refused("was used before; its session has been ended");
        }
        if (accounts.findById(family.accountId()).filter(StoredAccount::active).isEmpty()) {
            throw RefreshToken.refused("belongs to an account that is disabled");
        }
        return new Claim(family.accountId(), family.id(), token.institutionId());
    }

    /**
     * The next token of a session, once the previous one was claimed; refused if the session ended meanwhile (logged
     * out, or revoked by a concurrent reuse of the claimed token).
     */
    IssuedRefreshToken next(UUID sessionId, UUID institutionId) {
        if (families.findById(sessionId).filter(family -> !family.revoked()).isEmpty()) {
            throw RefreshToken.refused("belongs to a session that has ended");
        }
        return issue(sessionId, institutionId);
    }

    /** A token of the account's session scoped to another institution; the session's other tokens stop working. */
    IssuedRefreshToken rescope(UUID accountId, UUID sessionId, UUID institutionId) {
        var family = requireLive(sessionId);
        if (!family.accountId().equals(accountId)) {
            throw new DomainException(IdentityProblems.SESSION_ENDED, "The session does not belong to the caller");
        }
        tokens.markAllUsed(sessionId, Times.now());
        return issue(sessionId, institutionId);
    }

    /** Logging out: every token of the session stops working, on every instance within the revocation refresh. */
    void end(UUID accountId, UUID sessionId) {
        families.findById(sessionId).filter(family -> family.accountId().equals(accountId))
                .ifPresent(family -> revoke(family.id(), SessionFamily.LOGOUT));
    }

    private SessionFamily requireLive(UUID sessionId) {
        return families.findById(sessionId).filter(family -> !family.revoked())
                .orElseThrow(() -> new DomainException(IdentityProblems.SESSION_ENDED,
                        "The session has ended; log in again"));
    }

    private IssuedRefreshToken issue(UUID sessionId, UUID institutionId) {
        var value = SecretTokens.generate();
        var now = Times.now();
        var expiresAt = now.plus(properties.refreshTokenTtl());
        tokens.insert(Ids.next(), sessionId, SecretTokens.hash(value), institutionId, now, expiresAt);
        return new IssuedRefreshToken(sessionId, value, expiresAt);
    }

    private void revoke(UUID sessionId, String reason) {
        if (families.revoke(sessionId, reason, Times.now())) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    revokedSessions.add(sessionId);
                }
            });
        }
    }
}
