package io.edumatrix.courses.internal;

import io.edumatrix.courses.internal.Views.LessonView;
import io.edumatrix.courses.internal.Views.OutlineView;
import io.edumatrix.courses.internal.Views.SectionLessonsView;
import io.edumatrix.courses.internal.Views.SectionView;
import io.edumatrix.platform.security.Callers;
import io.edumatrix.platform.security.Member;
import io.edumatrix.platform.security.Staff;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A course's sections and lessons: staff of its institution write them, its students read the published ones. */
@RestController
@RequestMapping("/api/courses/{id}")
class CourseContentController {

    private final CourseContentService service;

    CourseContentController(CourseContentService service) {
        this.service = service;
    }

    record CreateSection(@NotBlank @Size(max = 200) String title) {}

    /** Which of the optional fields a lesson must or must not have follows from its kind (see {@link Lesson}). */
    record CreateLesson(
            @NotBlank @Size(max = 200) String title,
            @NotNull Lesson.Kind kind,
            @Size(max = 100000) String body,
            @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http or https URL") String url,
            @Min(1) @Max(10000) Integer durationMinutes,
            @Size(max = 20000) String instructions,
            Instant dueAt) {}

    record ChangeStatus(@NotNull Lesson.Status status) {}

    /** The section's lessons, each once, in their new order; the version, when sent, must be the one read. */
    record Reorder(@NotNull @Size(max = 1000) List<@NotNull UUID> lessonIds, Long version) {}

    @PostMapping("/sections")
    @Staff
    ResponseEntity<SectionView> addSection(@PathVariable UUID id, @Valid @RequestBody CreateSection request) {
        var section = service.addSection(id, request.title().strip());
        return ResponseEntity.created(URI.create("/api/courses/" + id + "/sections/" + section.id()))
                .body(SectionView.of(section));
    }

    @PostMapping("/sections/{sectionId}/lessons")
    @Staff
    ResponseEntity<LessonView> addLesson(@PathVariable UUID id, @PathVariable UUID sectionId,
            @Valid @RequestBody CreateLesson request) {
        var lesson = service.addLesson(id, sectionId, new Lesson.Content(request.title().strip(), request.kind(),
                request.body(), request.url(), request.durationMinutes(), request.instructions(), request.dueAt()));
        return ResponseEntity.created(URI.create("/api/courses/" + id + "/lessons/" + lesson.id()))
                .body(LessonView.of(lesson));
    }

    @PostMapping("/lessons/{lessonId}/status")
    @Staff
    LessonView changeStatus(@PathVariable UUID id, @PathVariable UUID lessonId, @Valid @RequestBody ChangeStatus request) {
        return LessonView.of(service.changeStatus(id, lessonId, request.status()));
    }

    @PutMapping("/sections/{sectionId}/order")
    @Staff
    SectionLessonsView reorder(@PathVariable UUID id, @PathVariable UUID sectionId, @Valid @RequestBody Reorder request) {
        return SectionLessonsView.of(service.reorder(id, sectionId, request.lessonIds(), request.version()));
    }

    @GetMapping("/outline")
    @Member
    OutlineView outline(@PathVariable UUID id) {
        return OutlineView.of(service.outline(id, Callers.require()));
    }
}
