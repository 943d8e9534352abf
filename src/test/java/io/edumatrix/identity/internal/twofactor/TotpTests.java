package io.edumatrix.identity.internal.twofactor;

import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.platform.testing.UnitTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;

/** The codes are RFC 6238's: its SHA-1 test vectors (last six digits), and the window of one step either side. */
@UnitTest
class TotpTests {

    private static final String RFC_SECRET =
            new Base32().encodeToString("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

    @Test
    void the_codes_are_those_of_rfc_6238_appendix_b() {
        assertThat(Totp.code(RFC_SECRET, Totp.stepAt(Instant.ofEpochSecond(59)))).isEqualTo("287082");
        assertThat(Totp.code(RFC_SECRET, Totp.stepAt(Instant.ofEpochSecond(1111111109)))).isEqualTo("081804");
        assertThat(Totp.code(RFC_SECRET, Totp.stepAt(Instant.ofEpochSecond(1234567890)))).isEqualTo("005924");
        assertThat(Totp.code(RFC_SECRET, Totp.stepAt(Instant.ofEpochSecond(20000000000L)))).isEqualTo("353130");
    }

    @Test
    void a_code_of_the_step_before_or_after_now_matches_and_one_two_steps_away_or_already_used_does_not() {
        var secret = Totp.newSecret();
        var now = Instant.parse("2026-12-06T20:00:10Z");
        var step = Totp.stepAt(now);

        assertThat(Totp.matchingStep(secret, Totp.code(secret, step - 1), now, null)).hasValue(step - 1);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, step + 1), now, null)).hasValue(step + 1);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, step + 2), now, null)).isEmpty();
        assertThat(Totp.matchingStep(secret, Totp.code(secret, step), now, step)).isEmpty();
        assertThat(Totp.matchingStep(secret, "12345", now, null)).isEmpty();
        assertThat(Totp.matchingStep(secret, "abcdef", now, null)).isEmpty();
    }

    @Test
    void secrets_are_160_random_bits_in_base32() {
        var secret = Totp.newSecret();
        assertThat(secret).matches("[A-Z2-7]{32}");
        assertThat(Totp.newSecret()).isNotEqualTo(secret);
    }
}
