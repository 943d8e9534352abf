package io.edumatrix.platform.remote;

import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.platform.testing.UnitTest;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.type.classreading.SimpleMetadataReaderFactory;

/** A process scans the components of its local modules and the clients of its remote ones, and nothing else. */
@UnitTest
class ModuleScanFilterTests {

    private final SimpleMetadataReaderFactory readers = new SimpleMetadataReaderFactory();

    private boolean excluded(ModuleScanFilter filter, String className) throws IOException {
        return filter.match(readers.getMetadataReader(className), readers);
    }

    @Test
    void a_local_module_is_scanned_without_its_client_a_remote_one_is_its_client_only_any_other_not_at_all()
            throws IOException {
        var jobsHere = new ModuleScanFilter(new ModulePlacement(List.of("jobs"), Map.of()));
        assertThat(excluded(jobsHere, "io.edumatrix.jobs.internal.JobsController")).isFalse();
        assertThat(excluded(jobsHere, "io.edumatrix.jobs.remote.RemoteJobsApi")).isTrue();
        assertThat(excluded(jobsHere, "io.edumatrix.news.internal.NewsController")).isTrue();

        var jobsThere = new ModuleScanFilter(
                new ModulePlacement(List.of("feedback"), Map.of("jobs", URI.create("http://b:8080"))));
        assertThat(excluded(jobsThere, "io.edumatrix.jobs.internal.JobsController")).isTrue();
        assertThat(excluded(jobsThere, "io.edumatrix.jobs.remote.RemoteJobsApi")).isFalse();
        assertThat(excluded(jobsThere, "io.edumatrix.feedback.internal.FeedbackController")).isFalse();
    }

    @Test
    void the_platform_and_the_application_class_are_always_scanned() throws IOException {
        var nothingListed = new ModuleScanFilter(new ModulePlacement(List.of(), Map.of()));
        assertThat(excluded(nothingListed, "io.edumatrix.EduMatrixApplication")).isFalse();
        assertThat(excluded(nothingListed, "io.edumatrix.platform.remote.RemoteConfiguration")).isFalse();
    }
}
