package io.edumatrix.identity.internal.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.edumatrix.identity.internal.IdentityProblems;
import io.edumatrix.identity.internal.IdentityProperties;
import io.edumatrix.identity.internal.ServiceClientKeys;
import io.edumatrix.platform.data.ModuleStartupException;
import io.edumatrix.platform.domain.DomainException;
import io.edumatrix.platform.security.TokenClaims;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Checks the assertion a process without identity presents for a service token (RFC 7523's {@code private_key_jwt}):
 * ES256, signed by the private key of the client its {@code iss} names (and {@code sub} repeats), verified with that
 * client's configured public key; its audience is this issuer; it expires within {@link
 * ServiceClientKeys#MAX_ASSERTION_LIFETIME} of its issue and is not expired; its {@code jti} was not seen before.
 * Every refusal is the 401 problem {@code invalid-client-assertion}, never a 5xx; its detail names the check that
 * failed. The institution and acting account are the assertion's, which the client signed: never a header.
 */
@Component
@EnableConfigurationProperties(ServiceClientProperties.class)
class ClientAssertions {

    /** Clocks of two processes may disagree by this much. */
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(5);
    private static final String SETTING = "edumatrix.identity.service-clients.%s.public-key";

    /** A checked assertion: the client that signed it, and the tenant context it asks a service token for. */
    record Asserted(String client, Optional<UUID> institution, Optional<UUID> account) {}

    private final Map<String, ECDSAVerifier> verifiers = new LinkedHashMap<>();
    private final String audience;
    /**
     * The {@code jti}s of assertions taken, until they expire. Kept per instance: with several instances of identity an
     * assertion could be taken once by each within its minute, which gets its holder nothing the signer could not ask
     * for itself.
     */
    private final Map<String, Instant> seen = new ConcurrentHashMap<>();

    ClientAssertions(ServiceClientProperties properties, IdentityProperties identity) {
        this.audience = identity.issuer();
        properties.serviceClients().forEach((name, client) -> {
            var setting = SETTING.formatted(name);
            try {
                verifiers.put(name, new ECDSAVerifier(ServiceClientKeys.publicKey(client.publicKey(), setting)));
            } catch (JOSEException e) {
                throw new ModuleStartupException(setting + " is not a P-256 key",
                        "Set " + setting + " to the PEM of an EC P-256 public key", e);
            }
        });
    }

    Asserted check(String assertion, Instant now) {
        try {
            var jwt = SignedJWT.parse(assertion);
            if (!JWSAlgorithm.ES256.equals(jwt.getHeader().getAlgorithm())) {
                throw refused("it is not signed with ES256");
            }
            var claims = jwt.getJWTClaimsSet();
            var client = claims.getIssuer();
            var verifier = client == null ? null : verifiers.get(client);
            if (verifier == null) {
                throw refused("its issuer is not a known service client");
            }
            if (!jwt.verify(verifier)) {
                throw refused("its signature does not verify with the client's key");
            }
            checkClaims(claims, client, now);
            return new Asserted(client, uuid(claims, TokenClaims.INSTITUTION), uuid(claims, ServiceClientKeys.ACCOUNT));
        } catch (ParseException | JOSEException | IllegalArgumentException e) {
            throw refused("it is not a signed JWT");
        }
    }

    private void checkClaims(JWTClaimsSet claims, String client, Instant now) {
        if (!client.equals(claims.getSubject())) {
            throw refused("its subject is not its issuer");
        }
        if (claims.getAudience() == null || !claims.getAudience().contains(audience)) {
            throw refused("its audience is not " + audience);
        }
        if (claims.getExpirationTime() == null || claims.getIssueTime() == null || claims.getJWTID() == null) {
            throw refused("it lacks exp, iat or jti");
        }
        var expires = claims.getExpirationTime().toInstant();
        var issued = claims.getIssueTime().toInstant();
        if (!expires.isAfter(now.minus(CLOCK_SKEW))) {
            throw refused("it has expired");
        }
        if (issued.isAfter(now.plus(CLOCK_SKEW))
                || Duration.between(issued, expires).compareTo(ServiceClientKeys.MAX_ASSERTION_LIFETIME) > 0) {
            throw refused("it lives longer than " + ServiceClientKeys.MAX_ASSERTION_LIFETIME.toSeconds() + " s");
        }
        seen.values().removeIf(until -> until.isBefore(now.minus(CLOCK_SKEW)));
        if (seen.putIfAbsent(client + " " + claims.getJWTID(), expires) != null) {
            throw refused("it was used before");
        }
    }

    private static Optional<UUID> uuid(JWTClaimsSet claims, String name) throws ParseException {
        var value = claims.getStringClaim(name);
        return value == null ? Optional.empty() : Optional.of(UUID.fromString(value));
    }

    private static DomainException refused(String why) {
        return new DomainException(IdentityProblems.INVALID_CLIENT_ASSERTION,
                "The client assertion is refused: " + why);
    }
}
