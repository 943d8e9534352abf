package io.edumatrix.identity.internal.keys;

import io.edumatrix.identity.internal.IdentityProperties;
import io.edumatrix.identity.internal.erasure.ErasedAccounts;
import io.edumatrix.identity.internal.sessions.RevokedSessions;
import java.time.Duration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * The application's one {@link JwtEncoder} (ES256 with the active key) and {@link JwtDecoder}: the platform's security
 * filter chain verifies every bearer token with the decoder declared here.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdentityProperties.class)
public class TokenVerification {

    /** Spring Security's default allowance for clocks that disagree. */
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    @Bean
    JwtEncoder jwtEncoder(SigningKeys keys) {
        return new NimbusJwtEncoder(keys.signingSource());
    }

    /** Tokens whose signature was verified, remembered; a few MB at most. */
    private static final int REMEMBERED_TOKENS = 10_000;

    /**
     * Accepts only ES256 tokens of this issuer, signed by a published key, current, of a session not revoked and of an
     * account not erased; each distinct token's signature is verified once ({@link VerifiedTokens}).
     */
    @Bean
    JwtDecoder jwtDecoder(SigningKeys keys, IdentityProperties properties, RevokedSessions revokedSessions,
            ErasedAccounts erasedAccounts) {
        var decoder = NimbusJwtDecoder.withJwkSource(keys.verificationSource())
                .jwsAlgorithm(SignatureAlgorithm.ES256)
                .build();
        var validator = new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(CLOCK_SKEW),
                new JwtIssuerValidator(properties.issuer()),
                revokedSessions,
                erasedAccounts);
        decoder.setJwtValidator(validator);
        return new VerifiedTokens(decoder, validator, REMEMBERED_TOKENS);
    }
}
