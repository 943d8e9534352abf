package io.edumatrix.identity.remote;

import io.edumatrix.identity.internal.IdentityProperties;
import java.net.URI;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The identity module as a process that does not run it sees it: every token (a person's, or another process's
 * service token) is verified against the keys identity publishes at {@code /.well-known/jwks.json}, fetched over HTTP
 * and cached by Nimbus (a key id it does not know makes it fetch again, so a rotation is followed). ES256, this
 * issuer, current; and, since only identity knows them, not of a session ended or an account erased, which identity is
 * asked about ({@link RemoteSessions}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdentityProperties.class)
class RemoteIdentity {

    /** Spring Security's default allowance for clocks that disagree. */
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    @Bean
    JwtDecoder jwtDecoder(@Value("${edumatrix.remote.identity.url}") URI identity, IdentityProperties properties,
            @Value("${edumatrix.remote.identity.connect-timeout:2s}") Duration connectTimeout,
            @Value("${edumatrix.remote.identity.read-timeout:5s}") Duration readTimeout,
            @Value("${edumatrix.security.revocation-refresh-interval:5s}") Duration revocationInterval) {
        var decoder = NimbusJwtDecoder.withJwkSetUri(identity.resolve("/.well-known/jwks.json").toString())
                .jwsAlgorithm(SignatureAlgorithm.ES256)
                .build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(CLOCK_SKEW),
                new JwtIssuerValidator(properties.issuer()),
                new RemoteSessions(identity, connectTimeout, readTimeout, revocationInterval)));
        return decoder;
    }
}
