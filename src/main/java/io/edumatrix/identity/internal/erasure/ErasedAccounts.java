package io.edumatrix.identity.internal.erasure;

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
 * Rejects the access tokens of accounts that are being erased or were erased within one access-token lifetime: their
 * sessions are deleted with them, so {@link RevokedSessions} no longer knows them. Held in memory like the revoked
 * sessions, re-read every {@code edumatrix.security.revocation-refresh-interval}; this instance's own requests count
 * at once.
 */
@Component
public class ErasedAccounts implements OAuth2TokenValidator<Jwt> {

    private static final OAuth2Error ERASED =
            new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "The token's account has been erased", null);

    private final ErasureRequests requests;
    private volatile Set<UUID> erased;

    ErasedAccounts(ErasureRequests requests) {
        this.requests = requests;
        this.erased = load();
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        UUID account;
        try {
            account = UUID.fromString(token.getSubject());
        } catch (IllegalArgumentException | NullPointerException e) {
            return OAuth2TokenValidatorResult.success();
        }
        return erased.contains(account) ? OAuth2TokenValidatorResult.failure(ERASED) : OAuth2TokenValidatorResult.success();
    }

    /** Once the request has committed. */
    void add(UUID accountId) {
        erased.add(accountId);
    }

    @Scheduled(fixedDelayString = "${edumatrix.security.revocation-refresh-interval:5s}",
            initialDelayString = "${edumatrix.security.revocation-refresh-interval:5s}")
    void refresh() {
        erased = load();
    }

    private Set<UUID> load() {
        var loaded = ConcurrentHashMap.<UUID>newKeySet();
        loaded.addAll(requests.accountsErasedRecently());
        return loaded;
    }
}
