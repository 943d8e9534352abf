package io.edumatrix.courses.internal;

import io.edumatrix.courses.internal.Views.CourseView;
import io.edumatrix.courses.internal.Views.EnrollmentView;
import io.edumatrix.platform.security.Callers;
import io.edumatrix.platform.security.InstitutionScope;
import io.edumatrix.platform.security.Member;
import io.edumatrix.platform.security.Staff;
import io.edumatrix.platform.web.Page;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/courses")
class CourseController {

    private final CourseService service;

    CourseController(CourseService service) {
        this.service = service;
    }

    record CreateCourse(
            @NotNull UUID institutionId,
            @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{1,31}", message = "must be 2-32 letters, digits, '-' or '_'")
                    String code,
            @NotBlank @Size(max = 200) String title,
            @Size(max = 4000) String description,
            @Min(1) @Max(100000) Integer capacity) {}

    /** Fields left out stay as they are. */
    record DescribeCourse(@Size(min = 1, max = 200) String title, @Size(max = 4000) String description,
            @Min(1) @Max(100000) Integer capacity) {}

    /** Without a student, the caller enrolls themselves. */
    record Enroll(UUID studentId) {}

    @PostMapping
    @Staff
    ResponseEntity<CourseView> create(@Valid @RequestBody CreateCourse request) {
        InstitutionScope.requireOwn(request.institutionId());
        var course = service.create(request.institutionId(), request.code(), request.title().strip(), request.description(),
                request.capacity(), Callers.require().accountId());
        return ResponseEntity.created(URI.create("/api/courses/" + course.id())).body(CourseView.of(course));
    }

    @GetMapping("/{id}")
    @Member
    CourseView get(@PathVariable UUID id) {
        return CourseView.of(service.get(id));
    }

    /** The institution defaults to the token's own; naming another one finds nothing. */
    @GetMapping
    @Member
    Page<CourseView> list(@RequestParam(required = false) UUID institutionId, @RequestParam(required = false) UUID after,
            @RequestParam(defaultValue = Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit) {
        var own = Callers.require().institutionId().orElseThrow();
        if (institutionId != null) {
            InstitutionScope.requireOwn(institutionId);
        }
        return service.list(own, after, limit).map(CourseView::of);
    }

    @PatchMapping("/{id}")
    @Staff
    CourseView describe(@PathVariable UUID id, @Valid @RequestBody DescribeCourse request) {
        return CourseView.of(service.describe(id, request.title(), request.description(), request.capacity()));
    }

    /** A student enrolls themselves; staff may enroll any student of the institution. */
    @PostMapping("/{id}/enrollments")
    @Member
    ResponseEntity<EnrollmentView> enroll(@PathVariable UUID id, @Valid @RequestBody(required = false) Enroll request) {
        var studentId = Enrollment.studentEnrolledBy(Callers.require(), request == null ? null : request.studentId());
        var enrollment = service.enroll(id, studentId);
        return ResponseEntity.created(URI.create("/api/courses/" + id + "/enrollments/" + enrollment.id()))
                .body(EnrollmentView.of(enrollment));
    }

    /** The caller leaves the course: their active enrollment becomes WITHDRAWN. */
    @PostMapping("/{id}/enrollments/me/withdrawal")
    @Member
    EnrollmentView withdrawOwn(@PathVariable UUID id) {
        return EnrollmentView.of(service.withdrawOwn(id, Callers.require().accountId()));
    }

    @PostMapping("/{id}/enrollments/{enrollmentId}/withdrawal")
    @Staff
    EnrollmentView withdraw(@PathVariable UUID id, @PathVariable UUID enrollmentId) {
        return EnrollmentView.of(service.withdraw(id, enrollmentId));
    }

    @GetMapping("/{id}/enrollments")
    @Staff
    Page<EnrollmentView> enrollments(@PathVariable UUID id, @RequestParam(required = false) UUID after,
            @RequestParam(defaultValue = Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit) {
        return service.enrollments(id, after, limit).map(EnrollmentView::of);
    }
}
