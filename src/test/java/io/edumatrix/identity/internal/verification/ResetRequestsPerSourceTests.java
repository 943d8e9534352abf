package io.edumatrix.identity.internal.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edumatrix.identity.internal.IdentityProblems;
import io.edumatrix.platform.domain.DomainException;
import io.edumatrix.platform.testing.UnitTest;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Password resets per source address: the limit within a window, counted per address, and the next window. */
@UnitTest
class ResetRequestsPerSourceTests {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final ResetRequestsPerSource limit = new ResetRequestsPerSource(3, Duration.ofHours(1), nanos::get);

    @Test
    void a_source_asking_more_often_than_the_limit_within_the_window_is_refused_with_when_to_try_again() {
        for (int i = 0; i < 3; i++) {
            limit.admit("198.51.100.7");
        }
        nanos.addAndGet(Duration.ofMinutes(20).toNanos());

        assertThatThrownBy(() -> limit.admit("198.51.100.7")).isInstanceOfSatisfying(DomainException.class, refused -> {
            assertThat(refused.type()).isEqualTo(IdentityProblems.TOO_MANY_MAILS);
            assertThat(refused.retryAfter()).contains(Duration.ofMinutes(40));
        });
        limit.admit("2001:db8::1");
    }

    @Test
    void the_next_window_admits_the_source_again() {
        for (int i = 0; i < 3; i++) {
            limit.admit("198.51.100.8");
        }
        assertThatThrownBy(() -> limit.admit("198.51.100.8")).isInstanceOf(DomainException.class);

        nanos.addAndGet(Duration.ofHours(1).plusSeconds(1).toNanos());

        limit.admit("198.51.100.8");
    }
}
