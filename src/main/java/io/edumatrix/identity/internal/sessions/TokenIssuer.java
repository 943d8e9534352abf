package io.edumatrix.identity.internal.sessions;

import io.edumatrix.identity.internal.IdentityProperties;
import io.edumatrix.identity.internal.Views.TokenPair;
import io.edumatrix.identity.internal.sessions.Memberships.Scope;
import io.edumatrix.identity.internal.sessions.SessionService.IssuedRefreshToken;
import io.edumatrix.platform.Ids;
import io.edumatrix.platform.security.Role;
import io.edumatrix.platform.security.TokenClaims;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/** Signs access tokens (ES256) and pairs them with the session's refresh token. */
@Component
class TokenIssuer {

    private final JwtEncoder encoder;
    private final IdentityProperties properties;

    TokenIssuer(JwtEncoder encoder, IdentityProperties properties) {
        this.encoder = encoder;
        this.properties = properties;
    }

    TokenPair issue(UUID accountId, Scope scope, IssuedRefreshToken refreshToken) {
        var issuedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        var claims = JwtClaimsSet.builder()
                .issuer(properties.issuer())
                .subject(accountId.toString())
                .issuedAt(issuedAt)
                .expiresAt(issuedAt.plus(properties.accessTokenTtl()))
                .id(Ids.next().toString())
                .claim(TokenClaims.ROLES, scope.roles().stream().map(Role::name).toList())
                .claim(TokenClaims.SESSION, refreshToken.sessionId().toString());
        if (scope.institutionId() != null) {
            claims.claim(TokenClaims.INSTITUTION, scope.institutionId().toString());
        }
        var jwt = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.ES256).build(), claims.build()));
        return new TokenPair(jwt.getTokenValue(), refreshToken.value(), properties.accessTokenTtl().toSeconds(), "Bearer");
    }
}
