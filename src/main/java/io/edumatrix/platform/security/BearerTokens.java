package io.edumatrix.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * Takes the access token from the {@code Authorization} header exactly as {@link DefaultBearerTokenResolver} does with
 * its defaults (RFC 6750 section 2.1: no token in the query or a form body): a header that does not start with
 * {@code bearer} (any case) carries none; one that does must be {@code Bearer } and a token68
 * ({@code [a-zA-Z0-9-._~+/]+=*}), or the request is refused as malformed. The default resolver checks that with a
 * case-insensitive regular expression over the whole header, which on a one-row read was about 5 % of the CPU
 * (ADR 0025); this is the same check as a loop. {@code BearerTokensTests} compares both on generated headers.
 */
final class BearerTokens implements BearerTokenResolver {

    private static final String SCHEME = "bearer ";

    @Override
    public String resolve(HttpServletRequest request) {
        var header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !startsWithAsciiIgnoreCase(header, SCHEME.length() - 1)) {
            return null;
        }
        if (header.length() <= SCHEME.length() || !startsWithAsciiIgnoreCase(header, SCHEME.length())) {
            throw malformed();
        }
        int end = header.length();
        while (end > SCHEME.length() && header.charAt(end - 1) == '=') {
            end--;
        }
        if (end == SCHEME.length()) {
            throw malformed();
        }
        for (int i = SCHEME.length(); i < end; i++) {
            if (!tokenCharacter(header.charAt(i))) {
                throw malformed();
            }
        }
        return header.substring(SCHEME.length());
    }

    /** Whether {@code header} starts with the first {@code length} characters of {@code "bearer "}, ASCII letters in any case. */
    private static boolean startsWithAsciiIgnoreCase(String header, int length) {
        if (header.length() < length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = header.charAt(i);
            char expected = SCHEME.charAt(i);
            if (c != expected && !(expected != ' ' && c == expected - ('a' - 'A'))) {
                return false;
            }
        }
        return true;
    }

    private static boolean tokenCharacter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_'
                || c == '~' || c == '+' || c == '/';
    }

    private static OAuth2AuthenticationException malformed() {
        return new OAuth2AuthenticationException(BearerTokenErrors.invalidToken("Bearer token is malformed"));
    }
}
