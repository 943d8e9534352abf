package io.edumatrix.courses.internal;

import io.edumatrix.courses.internal.Views.ProgressRowView;
import io.edumatrix.courses.internal.Views.ProgressView;
import io.edumatrix.platform.security.Callers;
import io.edumatrix.platform.security.Member;
import io.edumatrix.platform.security.Staff;
import io.edumatrix.platform.web.Page;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A student's progress through a course's lessons, and the progress table of its staff. */
@RestController
@RequestMapping("/api/courses/{id}")
class ProgressController {

    private final ProgressService service;

    ProgressController(ProgressService service) {
        this.service = service;
    }

    /** Seconds into the video; at most a day. */
    record Position(@NotNull @Min(0) @Max(86400) Integer seconds) {}

    @PutMapping("/lessons/{lessonId}/completion")
    @Member
    ResponseEntity<Void> complete(@PathVariable UUID id, @PathVariable UUID lessonId) {
        service.complete(id, lessonId, Callers.require().accountId());
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/lessons/{lessonId}/position")
    @Member
    ResponseEntity<Void> watch(@PathVariable UUID id, @PathVariable UUID lessonId, @Valid @RequestBody Position request) {
        service.watch(id, lessonId, Callers.require().accountId(), request.seconds());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/progress/me")
    @Member
    ProgressView mine(@PathVariable UUID id) {
        return ProgressView.of(service.mine(id, Callers.require().accountId()));
    }

    @GetMapping("/progress")
    @Staff
    Page<ProgressRowView> table(@PathVariable UUID id, @RequestParam(required = false) UUID after,
            @RequestParam(defaultValue = Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit) {
        var table = service.table(id, after, limit);
        return table.rows().map(row -> ProgressRowView.of(row, table.totalLessons()));
    }
}
