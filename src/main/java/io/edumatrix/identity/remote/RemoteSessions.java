package io.edumatrix.identity.remote;

import io.edumatrix.platform.security.Role;
import io.edumatrix.platform.security.TokenClaims;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Refuses, in a process that does not run identity, the tokens of sessions that ended and of accounts erased: each
 * distinct token is put to identity's {@code /internal/v1/identity/sessions/current} with the token itself as the
 * bearer, and a "still good" answer is trusted for {@code edumatrix.security.revocation-refresh-interval}, the same
 * bound another instance of identity has. A refusal is final. Service tokens are not asked about: their session is a
 * process's, never ended, and they live two minutes.
 *
 * <p>When identity cannot be reached, the last answer stands and a token never seen is taken on its signature and
 * lifetime alone: the module keeps serving while identity is down (ADR 0035), and a session ended meanwhile is refused
 * as soon as identity answers again.
 */
final class RemoteSessions implements OAuth2TokenValidator<Jwt> {

    private static final Logger log = LoggerFactory.getLogger(RemoteSessions.class);
    private static final OAuth2Error ENDED =
            new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "The token's session has ended", null);
    /** Tokens remembered at most; when full, memory starts over (every token is then asked about again). */
    private static final int REMEMBERED_TOKENS = 10_000;

    private record Answer(boolean good, Instant until) {}

    private final HttpClient http;
    private final URI check;
    private final Duration timeout;
    private final Duration trusted;
    private final ConcurrentHashMap<String, Answer> answers = new ConcurrentHashMap<>();
    private volatile boolean unreachable;

    RemoteSessions(URI identity, Duration connectTimeout, Duration timeout, Duration trusted) {
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout).build();
        this.check = identity.resolve("/internal/v1/identity/sessions/current");
        this.timeout = timeout;
        this.trusted = trusted;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        if (isServiceToken(token)) {
            return OAuth2TokenValidatorResult.success();
        }
        var now = Instant.now();
        var known = answers.get(token.getTokenValue());
        if (known != null && (!known.good() || known.until().isAfter(now))) {
            return result(known);
        }
        var asked = ask(token.getTokenValue(), now);
        if (asked == null) {
            return known == null ? OAuth2TokenValidatorResult.success() : result(known);
        }
        if (answers.size() >= REMEMBERED_TOKENS) {
            answers.clear();
        }
        answers.put(token.getTokenValue(), asked);
        return result(asked);
    }

    private static OAuth2TokenValidatorResult result(Answer answer) {
        return answer.good() ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult.failure(ENDED);
    }

    private static boolean isServiceToken(Jwt token) {
        List<String> roles = token.getClaimAsStringList(TokenClaims.ROLES);
        return roles != null && roles.contains(Role.SERVICE.name());
    }

    /** Identity's answer, or null when there was none worth taking (no connection, a timeout, a 5xx). */
    private Answer ask(String token, Instant now) {
        var request = HttpRequest.newBuilder(check).timeout(timeout).header("Authorization", "Bearer " + token).GET()
                .build();
        try {
            var status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status == 401) {
                return reachable(new Answer(false, now));
            }
            if (status / 100 == 2) {
                return reachable(new Answer(true, now.plus(trusted)));
            }
            return unreachable("status " + status);
        } catch (IOException e) {
            return unreachable(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private Answer reachable(Answer answer) {
        if (unreachable) {
            unreachable = false;
            log.info("Identity answers token checks again");
        }
        return answer;
    }

    private Answer unreachable(String why) {
        if (!unreachable) {
            unreachable = true;
            log.warn("Identity cannot check whether sessions ended ({}); tokens are taken on signature and lifetime", why);
        }
        return null;
    }
}
