package io.edumatrix.platform.remote;

import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.platform.data.ApplicationLaunch;
import io.edumatrix.platform.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A process runs the modules {@code edumatrix.modules} lists and reaches those {@code edumatrix.remote.<module>.url}
 * names; it refuses to start, naming the module, when one it needs is neither, or when one is said to be both.
 */
@IntegrationTest
class ModulePlacementStartTests {

    @Test
    void a_module_needed_here_that_is_neither_local_nor_remote_is_named_in_the_refusal() {
        var failure = ApplicationLaunch.onTestDatabase()
                .with("edumatrix.modules", "identity,institutions,courses,feedback")
                .failure();
        FailureAnalysis analysis = null;
        for (var cause = failure; cause != null && analysis == null; cause = cause.getCause()) {
            if (cause instanceof NoSuchBeanDefinitionException missing) {
                analysis = new RemoteModuleFailureAnalyzer().analyze(failure, missing);
            }
        }
        assertThat(analysis).as("an analysis of " + failure).isNotNull();
        assertThat(analysis.getDescription()).startsWith("Module jobs is needed here (JobsApi)")
                .contains("edumatrix.remote.jobs.url");
    }

    @Test
    void a_module_both_local_and_remote_is_refused() {
        var refusal = ApplicationLaunch.onTestDatabase()
                .with("edumatrix.modules", "news")
                .with("edumatrix.remote.news.url", "http://127.0.0.1:1")
                .refusal();
        assertThat(refusal.getMessage()).isEqualTo(
                "Module news is both local (edumatrix.modules) and remote (edumatrix.remote.news.url)");
    }
}
