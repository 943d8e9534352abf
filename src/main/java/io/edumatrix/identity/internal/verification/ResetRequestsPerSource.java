package io.edumatrix.identity.internal.verification;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.edumatrix.identity.internal.IdentityProblems;
import io.edumatrix.platform.domain.DomainException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * How many password resets one source address may ask for within a window, whatever the emails: beyond, a
 * {@code 429 too-many-mails} that says nothing about any account, since every request counts, known email or not.
 * The per-account limit ({@link AccountTokens#waitBeforeNext}) keeps one mailbox from being flooded; this one keeps one
 * client from probing or flooding many. Counted in memory, per instance (a window starts with a source's first
 * request): nothing about a request's source is stored, and behind a balancer of N instances a source gets at most N
 * times the limit. The source is the request's remote address (behind a proxy, see {@code server.forward-headers-strategy}).
 */
@Component
class ResetRequestsPerSource {

    /** Bounds the memory a flood from many addresses can take; the oldest windows go first. */
    private static final int SOURCES_KEPT = 100_000;

    private final Cache<String, AtomicInteger> requests;
    private final int limit;

    @Autowired
    ResetRequestsPerSource(AccountTokenProperties properties) {
        this(properties.resetsPerSource(), properties.window(), Ticker.systemTicker());
    }

    ResetRequestsPerSource(int limit, Duration window, Ticker ticker) {
        this.limit = limit;
        this.requests = Caffeine.newBuilder().maximumSize(SOURCES_KEPT).ticker(ticker).executor(Runnable::run)
                .expireAfter(Expiry.<String, AtomicInteger>creating((source, count) -> window)).build();
    }

    /** Counts a request from the source, or refuses it with how long until its window ends. */
    void admit(String source) {
        if (requests.get(source, s -> new AtomicInteger()).incrementAndGet() <= limit) {
            return;
        }
        var left = requests.policy().expireVariably().flatMap(expiry -> expiry.getExpiresAfter(source))
                .orElse(Duration.ofSeconds(1));
        var seconds = Math.max(1, left.plusMillis(999).toSeconds());
        throw new DomainException(IdentityProblems.TOO_MANY_MAILS, "Too many password resets asked from this address"
                + " lately; try again in " + seconds + " seconds", Duration.ofSeconds(seconds));
    }
}
