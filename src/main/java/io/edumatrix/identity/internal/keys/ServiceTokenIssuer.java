package io.edumatrix.identity.internal.keys;

import io.edumatrix.identity.internal.IdentityProperties;
import io.edumatrix.platform.Ids;
import io.edumatrix.platform.remote.ServiceTokens;
import io.edumatrix.platform.security.Role;
import io.edumatrix.platform.security.TokenClaims;
import io.edumatrix.platform.tenancy.TenantContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/**
 * This process's service tokens (ADR 0035), signed with the active key like any access token, so an owner in another
 * process verifies them through the published JWKS. Two minutes long; the role is {@link Role#SERVICE} only; the
 * institution and the acting account are the current tenant context's (the subject is this process's own id when no
 * account acts, as in a listener). The session is the process's, never revoked: a token that short needs no revocation.
 * One token per (institution, account) is reused for a minute, so the owner verifies each signature once.
 */
@Component
class ServiceTokenIssuer implements ServiceTokens {

    static final Duration LIFETIME = Duration.ofMinutes(2);
    private static final Duration REUSE = Duration.ofMinutes(1);

    private final JwtEncoder encoder;
    private final IdentityProperties properties;
    private final UUID process = Ids.next();
    private final Map<List<Optional<UUID>>, Issued> issued = new ConcurrentHashMap<>();

    ServiceTokenIssuer(JwtEncoder encoder, IdentityProperties properties) {
        this.encoder = encoder;
        this.properties = properties;
    }

    private record Issued(String token, Instant reuseUntil) {}

    @Override
    public String current() {
        var context = TenantContext.current();
        var key = List.of(context.institutionId(), context.accountId());
        var now = Instant.now();
        return issued.compute(key, (k, known) -> known != null && known.reuseUntil().isAfter(now) ? known
                : new Issued(issue(context, now), now.plus(REUSE))).token();
    }

    private String issue(TenantContext context, Instant now) {
        return issueFor(context.institutionId(), context.accountId(), process, now);
    }

    /**
     * A service token for a process without identity that proved who it is ({@link ServiceTokenController}): the
     * institution and account its assertion names, its own id (derived from its client name) as session, and as
     * subject when no account acts.
     */
    String issueFor(Optional<UUID> institution, Optional<UUID> account, UUID process, Instant now) {
        var claims = JwtClaimsSet.builder()
                .issuer(properties.issuer())
                .subject(account.orElse(process).toString())
                .issuedAt(now)
                .expiresAt(now.plus(LIFETIME))
                .id(Ids.next().toString())
                .claim(TokenClaims.ROLES, List.of(Role.SERVICE.name()))
                .claim(TokenClaims.SESSION, process.toString());
        institution.ifPresent(id -> claims.claim(TokenClaims.INSTITUTION, id.toString()));
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.ES256).build(), claims.build()))
                .getTokenValue();
    }
}
