package io.edumatrix.platform.backup;

import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.platform.data.FreshDatabase;
import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A restore's pause is its installation's: the advisory lock a restore holds in one database pauses the module there,
 * read from any connection to the server, and pauses nothing in another database on the same server.
 */
@IntegrationTest
class ModulePauseTests {

    @Test
    void a_pause_in_another_database_on_the_same_server_pauses_nothing_here() throws Exception {
        var run = TestDatabase.get();
        try (var other = FreshDatabase.create(); var restore = other.connectAsAdmin(); var here = run.connectAsAdmin()) {
            assertThat(ModulePause.tryPause(restore, "courses")).isTrue();
            try {
                assertThat(ModulePause.paused(here, run.name(), List.of("courses", "jobs"))).as("this installation")
                        .isEmpty();
                assertThat(ModulePause.paused(here, other.name(), List.of("courses", "jobs"))).as("the other one")
                        .containsExactly("courses");
            } finally {
                ModulePause.end(restore, "courses");
            }
            assertThat(ModulePause.paused(here, other.name(), List.of("courses", "jobs"))).as("after the pause").isEmpty();
        }
    }
}
