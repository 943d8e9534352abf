package io.edumatrix.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.platform.data.ApplicationLaunch;
import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The master key comes from exactly one of two settings, and a key that is not the one the stored keys were wrapped
 * with stops start-up in one line naming the setting. The context of this class has started once, so every module's
 * keysets exist before the launches below try another key.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@IntegrationTest
class MasterKeyTests {

    private static final String KEY = "edumatrix.security.key-wrapping-key";
    private static final String FILE = "edumatrix.security.key-wrapping-key-file";
    private static final String PREVIOUS = "edumatrix.security.key-wrapping-key-previous";
    private static final String ANOTHER_KEY = "YW5vdGhlciBrZXksIGV4YWN0bHkgMzIgYnl0ZXMhISE=";

    @TempDir
    private Path folder;

    @Test
    void another_master_key_than_the_one_the_keys_were_wrapped_with_stops_start_up_in_one_line_naming_the_setting() {
        var refusal = ApplicationLaunch.onTestDatabase().with(KEY, ANOTHER_KEY).refusal();

        assertThat(refusal.getMessage()).endsWith("which is configured neither as " + KEY + " nor as " + PREVIOUS)
                .contains("is wrapped under master key mk-").doesNotContain("\n");
    }

    @Test
    void the_key_may_come_from_a_file_and_a_wrong_one_there_is_named_by_the_file_setting() throws Exception {
        var wrong = Files.writeString(folder.resolve("wrong.key"), ANOTHER_KEY + "\n");

        var refusal = ApplicationLaunch.onTestDatabase().with(KEY, "").with(FILE, wrong).refusal();

        assertThat(refusal.getMessage()).endsWith("which is configured neither as " + FILE + " nor as " + PREVIOUS);
    }

    @Test
    void both_settings_at_once_or_an_unreadable_file_stop_start_up_naming_the_settings() throws Exception {
        var file = Files.writeString(folder.resolve("master.key"), testKey());

        assertThat(ApplicationLaunch.onTestDatabase().with(FILE, file).refusal().getMessage())
                .isEqualTo("Settings " + KEY + " and " + FILE + " are both set");
        assertThat(ApplicationLaunch.onTestDatabase().with(KEY, "").with(FILE, folder.resolve("missing.key"))
                .refusal().getMessage()).startsWith("Setting " + FILE + " names a file that cannot be read");
        assertThat(ApplicationLaunch.onTestDatabase().with(KEY, "").with(FILE, Files.writeString(
                folder.resolve("short.key"), "c2hvcnQ=")).refusal().getMessage())
                .isEqualTo("Setting " + FILE + " decodes to 5 bytes instead of 32");
    }

    @Test
    void the_right_key_read_from_a_file_opens_the_stored_keys() throws Exception {
        var file = Files.writeString(folder.resolve("master.key"), testKey() + "\n");

        try (var context = ApplicationLaunch.onTestDatabase().with(KEY, "").with(FILE, file).start()) {
            assertThat(context.getBean(MasterKey.class).setting()).isEqualTo(FILE);
        }
    }

    private static String testKey() {
        return String.valueOf(TestDatabase.get().applicationProperties().get(KEY));
    }
}
