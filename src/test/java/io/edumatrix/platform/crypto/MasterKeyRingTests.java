package io.edumatrix.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edumatrix.platform.data.ModuleStartupException;
import io.edumatrix.platform.testing.UnitTest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The current and the previous master key: which wraps, which opens, and how each is named. */
@UnitTest
class MasterKeyRingTests {

    private static final String OLD = key("the old master key, 32 bytes ok!");
    private static final String NEW = key("the new master key, 32 bytes ok!");
    private static final byte[] DATA = "associated".getBytes(StandardCharsets.UTF_8);

    @Test
    void the_current_key_wraps_and_both_open_what_they_wrapped_each_known_by_its_fingerprint() throws Exception {
        var before = MasterKey.from(new MasterKeyProperties(OLD, "", "", ""));
        var wrappedBefore = before.encrypt("secret".getBytes(StandardCharsets.UTF_8), DATA);
        var during = MasterKey.from(new MasterKeyProperties(NEW, "", OLD, ""));

        assertThat(during.fingerprint()).startsWith("mk-").hasSize(19).isNotEqualTo(before.fingerprint());
        assertThat(during.previousFingerprint()).contains(before.fingerprint());
        assertThat(during.isConfigured(before.fingerprint())).isTrue();
        assertThat(new String(during.decrypt(wrappedBefore, DATA, before.fingerprint()), StandardCharsets.UTF_8))
                .isEqualTo("secret");
        assertThat(new String(during.decrypt(wrappedBefore, DATA), StandardCharsets.UTF_8)).as("no fingerprint recorded")
                .isEqualTo("secret");
        var wrappedDuring = during.encrypt("new".getBytes(StandardCharsets.UTF_8), DATA);
        assertThat(during.fingerprintOpening(wrappedDuring, DATA)).contains(during.fingerprint());
        assertThatThrownBy(() -> before.decrypt(wrappedDuring, DATA)).isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void a_fingerprint_not_configured_is_refused_naming_both_settings_and_the_same_key_twice_is_refused() {
        var after = MasterKey.from(new MasterKeyProperties(NEW, "", "", ""));
        var old = MasterKey.fingerprintOf(Base64.getDecoder().decode(OLD));

        assertThatThrownBy(() -> after.decrypt(new byte[40], DATA, old))
                .isInstanceOf(MasterKey.MasterKeyNotConfiguredException.class)
                .hasMessage("A value is wrapped under master key " + old + ", which is configured neither as "
                        + MasterKey.SETTING + " nor as " + MasterKey.PREVIOUS_SETTING);
        assertThatThrownBy(() -> MasterKey.from(new MasterKeyProperties(NEW, "", NEW, "")))
                .isInstanceOf(ModuleStartupException.class)
                .hasMessage("Setting " + MasterKey.PREVIOUS_SETTING + " holds the same key as " + MasterKey.SETTING);
        assertThatThrownBy(() -> MasterKey.from(new MasterKeyProperties(NEW, "", OLD, "/a/file")))
                .hasMessage("Settings " + MasterKey.PREVIOUS_SETTING + " and " + MasterKey.PREVIOUS_FILE_SETTING
                        + " are both set");
        assertThatThrownBy(() -> MasterKey.from(new MasterKeyProperties(NEW, "", "c2hvcnQ=", "")))
                .hasMessage("Setting " + MasterKey.PREVIOUS_SETTING + " decodes to 5 bytes instead of 32");
    }

    private static String key(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }
}
