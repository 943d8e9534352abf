package io.edumatrix.identity.internal.sessions;

import io.edumatrix.platform.security.TokenClaims;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * Rejects access tokens of revoked sessions without a query per request: the recently revoked session ids are held in
 * memory and re-read every {@code edumatrix.security.revocation-refresh-interval}; this instance's own revocations
 * count at once. Only sessions revoked within one access-token lifetime matter, so the set stays small.
 */
@Component
public class RevokedSessions implements OAuth2TokenValidator<Jwt> {

    private static final OAuth2Error NO_SESSION =
            new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "The token names no session (sid)", null);
    private static final OAuth2Error REVOKED =
            new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "The token's session has ended", null);

    private final RevokedSessionService service;
    private volatile Set<UUID> revoked;

    RevokedSessions(RevokedSessionService service) {
        this.service = service;
        this.revoked = load();
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        var sid = token.getClaimAsString(TokenClaims.SESSION);
        if (sid == null) {
            return OAuth2TokenValidatorResult.failure(NO_SESSION);
        }
        UUID session;
        try {
            session = UUID.fromString(sid);
        } catch (IllegalArgumentException e) {
            return OAuth2TokenValidatorResult.failure(NO_SESSION);
        }
        return revoked.contains(session) ? OAuth2TokenValidatorResult.failure(REVOKED) : OAuth2TokenValidatorResult.success();
    }

    void add(UUID sessionId) {
        revoked.add(sessionId);
    }

    @Scheduled(fixedDelayString = "${edumatrix.security.revocation-refresh-interval:5s}",
            initialDelayString = "${edumatrix.security.revocation-refresh-interval:5s}")
    void refresh() {
        revoked = load();
    }

    private Set<UUID> load() {
        var loaded = ConcurrentHashMap.<UUID>newKeySet();
        loaded.addAll(service.recentlyRevoked());
        return loaded;
    }
}
