package io.edumatrix.courses.binding;

import io.edumatrix.courses.CourseSummary;
import io.edumatrix.courses.CoursesApi;
import io.edumatrix.platform.domain.DomainException;
import io.edumatrix.platform.security.InternalCaller;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@link CoursesApi} for modules in other processes (ADR 0035): version 1 of its internal binding, apart from the
 * public API and answering only service tokens, in the token's institution. An absent course is a 404, which the client
 * ({@code courses.remote}) turns back into an empty answer.
 */
@RestController
@RequestMapping("/internal/v1/courses/courses/{id}")
class CoursesApiBinding {

    private final CoursesApi courses;

    CoursesApiBinding(CoursesApi courses) {
        this.courses = courses;
    }

    @GetMapping
    @InternalCaller
    CourseSummary course(@PathVariable UUID id) {
        return courses.findCourse(id).orElseThrow(() -> DomainException.notFound("Course", id));
    }

    @GetMapping("/instructors")
    @InternalCaller
    List<UUID> instructors(@PathVariable UUID id) {
        return courses.instructorsOf(id);
    }

    @GetMapping("/learners")
    @InternalCaller
    List<UUID> learners(@PathVariable UUID id) {
        return courses.learnersOf(id);
    }

    @GetMapping("/participants/{studentAccountId}")
    @InternalCaller
    boolean participant(@PathVariable UUID id, @PathVariable UUID studentAccountId) {
        return courses.hasTakenPart(id, studentAccountId);
    }
}
