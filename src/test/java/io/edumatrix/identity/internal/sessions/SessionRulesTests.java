package io.edumatrix.identity.internal.sessions;

import static io.edumatrix.platform.testing.Refusals.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.edumatrix.identity.internal.IdentityProblems;
import io.edumatrix.platform.testing.UnitTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** When a refresh token still refreshes, and when repeated failures lock an email: the rules of sessions. */
@UnitTest
class SessionRulesTests {

    private static final Instant NOW = Instant.parse("2030-03-01T12:00:00Z");
    private static final LockoutPolicy FIVE_IN_FIFTEEN_MINUTES =
            new LockoutPolicy(5, Duration.ofMinutes(15), Duration.ofMinutes(15));

    private static SessionFamily session(Instant revokedAt) {
        return new SessionFamily(UUID.randomUUID(), UUID.randomUUID(), NOW.minusSeconds(3600), revokedAt,
                revokedAt == null ? null : SessionFamily.LOGOUT);
    }

    private static RefreshToken tokenExpiringAt(Instant expiresAt) {
        return new RefreshToken(UUID.randomUUID(), UUID.randomUUID(), new byte[32], null, NOW.minusSeconds(60),
                expiresAt, null);
    }

    @Test
    void a_refresh_token_refreshes_while_its_session_lives_and_until_it_expires() {
        assertThatCode(() -> tokenExpiringAt(NOW.plusSeconds(1)).requireUsableIn(session(null), NOW))
                .doesNotThrowAnyException();
    }

    @Test
    void a_refresh_token_of_an_ended_session_is_refused() {
        var refused = refusal(() -> tokenExpiringAt(NOW.plusSeconds(60)).requireUsableIn(session(NOW), NOW),
                IdentityProblems.INVALID_REFRESH_TOKEN);

        assertThat(refused.getMessage()).contains("session that has ended");
    }

    @Test
    void a_refresh_token_is_refused_from_the_instant_it_expires() {
        refusal(() -> tokenExpiringAt(NOW).requireUsableIn(session(null), NOW), IdentityProblems.INVALID_REFRESH_TOKEN);
    }

    @Test
    void the_failure_that_reaches_the_limit_within_the_window_locks_the_email_for_its_duration() {
        assertThat(FIVE_IN_FIFTEEN_MINUTES.locksAfter(4)).isFalse();
        assertThat(FIVE_IN_FIFTEEN_MINUTES.locksAfter(5)).isTrue();
        assertThat(FIVE_IN_FIFTEEN_MINUTES.windowStart(NOW)).isEqualTo(NOW.minus(Duration.ofMinutes(15)));
        assertThat(FIVE_IN_FIFTEEN_MINUTES.lockedUntil(NOW)).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
    }

    @Test
    void a_lock_holds_until_its_end_and_says_how_long_is_left() {
        assertThat(LockoutPolicy.lockedFor(Optional.of(NOW.plusSeconds(90)), NOW)).contains(Duration.ofSeconds(90));
        assertThat(LockoutPolicy.lockedFor(Optional.of(NOW), NOW)).isEmpty();
        assertThat(LockoutPolicy.lockedFor(Optional.empty(), NOW)).isEmpty();
    }
}
