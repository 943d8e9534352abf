package io.edumatrix.jobs.binding;

import io.edumatrix.jobs.JobPostingSummary;
import io.edumatrix.jobs.JobsApi;
import io.edumatrix.platform.domain.DomainException;
import io.edumatrix.platform.security.InternalCaller;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@link JobsApi} for modules in other processes (ADR 0035): version 1 of its internal binding, apart from the public
 * API and answering only service tokens. The institution is the token's. An absent posting is a 404, which the client
 * ({@code jobs.remote}) turns back into an empty answer.
 */
@RestController
@RequestMapping("/internal/v1/jobs")
class JobsApiBinding {

    private final JobsApi jobs;

    JobsApiBinding(JobsApi jobs) {
        this.jobs = jobs;
    }

    @GetMapping("/postings/{id}")
    @InternalCaller
    JobPostingSummary posting(@PathVariable UUID id) {
        return jobs.findPosting(id).orElseThrow(() -> DomainException.notFound("Job posting", id));
    }
}
