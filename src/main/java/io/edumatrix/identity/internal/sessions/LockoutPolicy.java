package io.edumatrix.identity.internal.sessions;

import io.edumatrix.identity.internal.IdentityProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When an email is locked, and for how long: {@code maxFailures} failed logins within {@code window} lock it for
 * {@code duration}, from the failure that reached the limit.
 */
record LockoutPolicy(int maxFailures, Duration window, Duration duration) {

    static LockoutPolicy of(IdentityProperties.Lockout settings) {
        return new LockoutPolicy(settings.maxFailures(), settings.window(), settings.duration());
    }

    /** Failures since this instant count towards the limit. */
    Instant windowStart(Instant now) {
        return now.minus(window);
    }

    boolean locksAfter(long failuresInWindow) {
        return failuresInWindow >= maxFailures;
    }

    Instant lockedUntil(Instant now) {
        return now.plus(duration);
    }

    /** How long a lock that lasts until {@code lockedUntil} (if the email has one) still holds at {@code now}. */
    static Optional<Duration> lockedFor(Optional<Instant> lockedUntil, Instant now) {
        return lockedUntil.filter(now::isBefore).map(until -> Duration.between(now, until));
    }
}
