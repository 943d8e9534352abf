package io.edumatrix.platform.security;

import java.util.EnumSet;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** The {@link Caller} of the current request, read from its verified access token. */
public final class Callers {

    private Callers() {}

    public static Optional<Caller> current() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof CallerAuthentication token) {
            return Optional.of(token.caller());
        }
        if (authentication instanceof JwtAuthenticationToken token) {
            return Optional.of(of(token.getToken()));
        }
        return Optional.empty();
    }

    /** For endpoints that need a token: their access rule guarantees one. */
    public static Caller require() {
        return current().orElseThrow(() -> new IllegalStateException("No authenticated caller"));
    }

    /** The caller a verified token names. */
    public static Caller of(Jwt jwt) {
        var roles = EnumSet.noneOf(Role.class);
        var names = jwt.getClaimAsStringList(TokenClaims.ROLES);
        if (names != null) {
            for (var name : names) {
                parseRole(name).ifPresent(roles::add);
            }
        }
        return new Caller(UUID.fromString(jwt.getSubject()), uuid(jwt.getClaimAsString(TokenClaims.INSTITUTION)), roles,
                uuid(jwt.getClaimAsString(TokenClaims.SESSION)));
    }

    private static Optional<Role> parseRole(String name) {
        try {
            return Optional.of(Role.valueOf(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<UUID> uuid(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
