package io.edumatrix.courses.remote;

import io.edumatrix.courses.CourseSummary;
import io.edumatrix.courses.CoursesApi;
import io.edumatrix.platform.remote.RemoteModuleClients;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/**
 * {@link CoursesApi} while the courses module runs in another process: its internal binding, version 1, over HTTP.
 * Scanned only when {@code edumatrix.remote.courses.url} is set and courses is not local (ADR 0035).
 */
@Component
class RemoteCoursesApi implements CoursesApi {

    /** Version 1 of the courses module's internal binding. */
    @HttpExchange("/internal/v1/courses/courses/{id}")
    interface CoursesBinding {

        @GetExchange
        CourseSummary course(@PathVariable UUID id);

        @GetExchange("/instructors")
        List<UUID> instructors(@PathVariable UUID id);

        @GetExchange("/learners")
        List<UUID> learners(@PathVariable UUID id);

        @GetExchange("/participants/{studentAccountId}")
        boolean participant(@PathVariable UUID id, @PathVariable UUID studentAccountId);
    }

    private final CoursesBinding binding;

    RemoteCoursesApi(RemoteModuleClients clients) {
        this.binding = clients.client("courses", CoursesBinding.class);
    }

    @Override
    public Optional<CourseSummary> findCourse(UUID id) {
        return RemoteModuleClients.absentIfNotFound(() -> binding.course(id));
    }

    @Override
    public List<UUID> instructorsOf(UUID courseId) {
        return binding.instructors(courseId);
    }

    @Override
    public List<UUID> learnersOf(UUID courseId) {
        return binding.learners(courseId);
    }

    @Override
    public boolean hasTakenPart(UUID courseId, UUID studentAccountId) {
        return binding.participant(courseId, studentAccountId);
    }
}
