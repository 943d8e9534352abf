package io.edumatrix.identity.internal.keys;

import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Verifies each distinct token's signature once. An ES256 verification was two thirds of the CPU of a one-row read
 * (bench/peer-compare.sh's profile), and a client sends the same token with every request for 15 minutes. A token
 * seen before, byte for byte, is taken from memory, and what can change about it is checked again every time: its
 * expiry, its issuer, and whether its session was ended. A token that differs in any byte is a different key, and is
 * verified in full.
 */
final class VerifiedTokens implements JwtDecoder {

    private final JwtDecoder verifier;
    private final OAuth2TokenValidator<Jwt> validator;
    private final int capacity;
    private final ConcurrentHashMap<String, Jwt> verified = new ConcurrentHashMap<>();

    /**
     * @param verifier checks signature and {@code validator}
     * @param validator the checks that can turn a once-valid token invalid
     * @param capacity tokens remembered at most; when full, memory starts over (every token is then verified again)
     */
    VerifiedTokens(JwtDecoder verifier, OAuth2TokenValidator<Jwt> validator, int capacity) {
        this.verifier = verifier;
        this.validator = validator;
        this.capacity = capacity;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        var known = verified.get(token);
        if (known == null) {
            var jwt = verifier.decode(token);
            if (verified.size() >= capacity) {
                verified.clear();
            }
            verified.put(token, jwt);
            return jwt;
        }
        var result = validator.validate(known);
        if (result.hasErrors()) {
            verified.remove(token);
            throw new JwtValidationException("The token is no longer valid", result.getErrors());
        }
        return known;
    }
}
