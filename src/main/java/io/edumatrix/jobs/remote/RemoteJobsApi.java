package io.edumatrix.jobs.remote;

import io.edumatrix.jobs.JobPostingSummary;
import io.edumatrix.jobs.JobsApi;
import io.edumatrix.platform.remote.RemoteModuleClients;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.service.annotation.GetExchange;

/**
 * {@link JobsApi} while the jobs module runs in another process: its internal binding, version 1, over HTTP. Scanned
 * only when {@code edumatrix.remote.jobs.url} is set and jobs is not local (ADR 0035).
 */
@Component
class RemoteJobsApi implements JobsApi {

    /** Version 1 of the jobs module's internal binding. */
    interface JobsBinding {

        @GetExchange("/internal/v1/jobs/postings/{id}")
        JobPostingSummary posting(@PathVariable UUID id);
    }

    private final JobsBinding binding;

    RemoteJobsApi(RemoteModuleClients clients) {
        this.binding = clients.client("jobs", JobsBinding.class);
    }

    @Override
    public Optional<JobPostingSummary> findPosting(UUID id) {
        return RemoteModuleClients.absentIfNotFound(() -> binding.posting(id));
    }
}
