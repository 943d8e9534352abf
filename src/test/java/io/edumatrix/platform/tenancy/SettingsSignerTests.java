package io.edumatrix.platform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edumatrix.platform.testing.UnitTest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * A signed setting is {@code value|issued|hmac}, and its HMAC is the one the database's verifier computes from the
 * padded keys with two plain SHA-256 hashes (RFC 2104); the name of the setting and the time are part of what is signed.
 */
@UnitTest
class SettingsSignerTests {

    private static final byte[] KEY = "thirty-two bytes of settings key".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-12-06T20:00:00Z");
    private final SettingsSigner signer = new SettingsSigner(KEY, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void a_value_is_signed_with_its_setting_and_time_as_the_database_recomputes_it_from_the_padded_keys() {
        var signed = signer.sign("app.institution_id", "0190b3c4-0000-7000-8000-000000000001");

        var parts = signed.split("\\|");
        assertThat(parts).hasSize(3);
        assertThat(parts[0]).isEqualTo("0190b3c4-0000-7000-8000-000000000001");
        assertThat(parts[1]).isEqualTo(String.valueOf(NOW.toEpochMilli()));
        var message = "app.institution_id|" + parts[0] + "|" + parts[1];
        assertThat(parts[2]).isEqualTo(hmacFromPads(message));
    }

    @Test
    void the_same_value_signed_for_another_setting_or_at_another_time_carries_another_signature() {
        var later = new SettingsSigner(KEY, Clock.fixed(NOW.plusMillis(1), ZoneOffset.UTC));
        var value = "0190b3c4-0000-7000-8000-000000000001";

        var tenant = signer.sign("app.institution_id", value);
        var subject = signer.sign("app.data_subject", value);
        var tenantLater = later.sign("app.institution_id", value);

        assertThat(signature(tenant)).isNotEqualTo(signature(subject)).isNotEqualTo(signature(tenantLater));
    }

    @Test
    void a_signature_less_than_a_second_old_is_handed_out_again_and_a_fresh_one_after_that() {
        var clock = new SteppedClock(NOW);
        var signer = new SettingsSigner(KEY, clock);
        var value = "0190b3c4-0000-7000-8000-000000000001";

        var first = signer.sign("app.institution_id", value);
        clock.advanceMillis(999);
        var sameSecond = signer.sign("app.institution_id", value);
        var otherSetting = signer.sign("app.account_id", value);
        clock.advanceMillis(1);
        var nextSecond = signer.sign("app.institution_id", value);

        assertThat(sameSecond).isSameAs(first);
        assertThat(otherSetting.split("\\|")[1]).isEqualTo(String.valueOf(NOW.toEpochMilli() + 999));
        assertThat(nextSecond.split("\\|")[1]).isEqualTo(String.valueOf(NOW.toEpochMilli() + 1_000));
        assertThat(signature(nextSecond)).isEqualTo(hmacFromPads("app.institution_id|" + value + "|"
                + (NOW.toEpochMilli() + 1_000)));
    }

    @Test
    void a_clock_set_back_gets_a_fresh_signature_rather_than_one_from_its_future() {
        var clock = new SteppedClock(NOW);
        var signer = new SettingsSigner(KEY, clock);
        var value = "0190b3c4-0000-7000-8000-000000000001";

        signer.sign("app.institution_id", value);
        clock.advanceMillis(-500);

        assertThat(signer.sign("app.institution_id", value).split("\\|")[1])
                .isEqualTo(String.valueOf(NOW.toEpochMilli() - 500));
    }

    @Test
    void an_empty_value_stays_empty_and_a_value_with_the_separator_is_refused() {
        assertThat(signer.sign("app.audit_scope", "")).isEmpty();
        assertThatThrownBy(() -> signer.sign("app.audit_scope", "all|0|00")).isInstanceOf(IllegalArgumentException.class);
    }

    private static String signature(String signed) {
        return signed.substring(signed.lastIndexOf('|') + 1);
    }

    /** A clock the test moves by hand. */
    private static final class SteppedClock extends Clock {
        private Instant now;

        SteppedClock(Instant start) {
            now = start;
        }

        void advanceMillis(long millis) {
            now = now.plusMillis(millis);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    private static String hmacFromPads(String message) {
        try {
            var inner = MessageDigest.getInstance("SHA-256");
            inner.update(SettingsSigner.innerPad(KEY));
            var innerHash = inner.digest(message.getBytes(StandardCharsets.UTF_8));
            var outer = MessageDigest.getInstance("SHA-256");
            outer.update(SettingsSigner.outerPad(KEY));
            return HexFormat.of().formatHex(outer.digest(innerHash));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
