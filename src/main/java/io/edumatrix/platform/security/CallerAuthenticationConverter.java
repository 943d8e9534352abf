package io.edumatrix.platform.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * A verified token becomes an authentication whose authorities are its roles ({@code ROLE_<name>}). A token whose
 * subject is not an account id is refused like an invalid one.
 */
final class CallerAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Caller caller;
        try {
            caller = Callers.of(jwt);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new org.springframework.security.oauth2.server.resource.InvalidBearerTokenException(
                    "The token's subject is not an account id");
        }
        var authorities = caller.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList();
        return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
    }
}
