package io.edumatrix.platform.security;

import io.edumatrix.platform.Memo;
import java.util.List;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * A verified token becomes an authentication whose authorities are its roles ({@code ROLE_<name>}), carrying the
 * {@link Caller} it names. A token whose subject is not an account id is refused like an invalid one. What a token's
 * claims say is read once per token: a client sends the same token with every request for its lifetime, and the
 * claims, read through Spring's conversion service, were about 2 % of a one-row read's CPU (ADR 0046). A token is
 * verified before it gets here, so the same token text always names the same caller.
 */
final class CallerAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    /** As many as the identity module remembers verified tokens. */
    private static final int REMEMBERED_TOKENS = 10_000;

    // Keyed by the token (equal by its text and times); the identity module hands out the same instance for the same text.
    private final Memo<Jwt, Named> named = new Memo<>(REMEMBERED_TOKENS, CallerAuthenticationConverter::named);

    /** What a token names: the caller, and the caller's roles as authorities. */
    private record Named(Caller caller, List<SimpleGrantedAuthority> authorities) {}

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        var token = named.get(jwt);
        return new CallerAuthentication(jwt, token.authorities(), token.caller());
    }

    private static Named named(Jwt jwt) {
        Caller caller;
        try {
            caller = Callers.of(jwt);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidBearerTokenException("The token's subject is not an account id");
        }
        return new Named(caller, caller.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority()))
                .toList());
    }
}
