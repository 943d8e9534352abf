package io.edumatrix.identity.internal.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edumatrix.platform.testing.UnitTest;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/** A signature is verified once per distinct token; what can change about a token is checked on every use. */
@UnitTest
class VerifiedTokensTests {

    private final AtomicInteger verifications = new AtomicInteger();
    private final AtomicBoolean sessionEnded = new AtomicBoolean();
    private final OAuth2TokenValidator<Jwt> validator = jwt -> sessionEnded.get()
            ? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "session ended", null))
            : OAuth2TokenValidatorResult.success();
    private final JwtDecoder verifier = token -> {
        verifications.incrementAndGet();
        if (!token.startsWith("good")) {
            throw new BadJwtException("bad signature");
        }
        return Jwt.withTokenValue(token).header("alg", "ES256").subject("someone")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(900)).build();
    };

    @Test
    void the_same_token_is_verified_once_and_a_token_differing_in_any_byte_in_full() {
        var tokens = new VerifiedTokens(verifier, validator, 10);

        tokens.decode("good.token");
        tokens.decode("good.token");
        tokens.decode("good.token2");

        assertThat(verifications).hasValue(2);
        assertThatThrownBy(() -> tokens.decode("forged.token")).isInstanceOf(BadJwtException.class);
    }

    @Test
    void a_remembered_token_whose_session_ended_is_refused() {
        var tokens = new VerifiedTokens(verifier, validator, 10);
        tokens.decode("good.token");

        sessionEnded.set(true);

        assertThatThrownBy(() -> tokens.decode("good.token")).isInstanceOf(JwtValidationException.class);
    }

    @Test
    void when_full_it_forgets_and_verifies_again() {
        var tokens = new VerifiedTokens(verifier, validator, 2);
        tokens.decode("good.1");
        tokens.decode("good.2");
        tokens.decode("good.3");

        tokens.decode("good.1");

        assertThat(verifications).hasValue(4);
    }
}
