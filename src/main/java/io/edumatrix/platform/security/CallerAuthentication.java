package io.edumatrix.platform.security;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * A verified token's authentication, carrying the {@link Caller} its claims name, so that nothing after the filter
 * chain reads the claims again. Made afresh for every request, as Spring Security fills in each one's details.
 */
final class CallerAuthentication extends JwtAuthenticationToken {

    // Never serialized: the chains are stateless, no session holds an authentication.
    private final transient Caller caller;

    CallerAuthentication(Jwt jwt, Collection<? extends GrantedAuthority> authorities, Caller caller) {
        super(jwt, authorities, jwt.getSubject());
        this.caller = caller;
    }

    Caller caller() {
        return caller;
    }
}
