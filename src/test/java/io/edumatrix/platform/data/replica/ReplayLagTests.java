package io.edumatrix.platform.data.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.edumatrix.platform.testing.UnitTest;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@UnitTest
class ReplayLagTests {

    private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private final ReplayLag lag = new ReplayLag();

    @Test
    void a_replica_that_replayed_the_primary_s_position_has_no_lag() {
        assertThat(lag.observe("0/3000060", "0/3000060", 0)).isZero();
        assertThat(lag.observe("0/3000100", "0/3000200", SECOND)).isZero();
    }

    @Test
    void the_first_write_after_an_idle_minute_is_no_minute_of_lag() {
        assertThat(lag.observe("0/3000060", "0/3000060", 0)).isZero();
        assertThat(lag.observe("0/3100000", "0/3000060", MINUTE)).isZero();
        assertThat(lag.observe("0/3100000", "0/3100000", MINUTE + SECOND)).isZero();
    }

    @Test
    void a_replica_that_stops_replaying_lags_by_the_time_since_the_primary_passed_it() {
        lag.observe("0/3000060", "0/3000060", 0);
        lag.observe("0/3100000", "0/3000060", MINUTE);
        assertThat(lag.observe("0/3200000", "0/3000060", MINUTE + 6 * SECOND)).isCloseTo(6.0, within(1e-9));
        assertThat(lag.observe("0/3300000", "0/3100000", MINUTE + 7 * SECOND))
                .as("replayed the first unreplayed position; the next was seen a second later").isCloseTo(1.0, within(1e-9));
        assertThat(lag.observe("0/3300000", "0/3300000", MINUTE + 8 * SECOND)).isZero();
    }

    @Test
    void a_position_s_high_half_counts_above_any_low_half() {
        assertThat(ReplayLag.lsn("1/0")).isGreaterThan(ReplayLag.lsn("0/FFFFFFFF"));
        assertThat(ReplayLag.lsn("2/A")).isEqualTo((2L << 32) + 10);
    }
}
