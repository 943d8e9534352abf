package io.edumatrix.courses.internal;

import io.edumatrix.courses.LessonPublished;
import io.edumatrix.platform.domain.DomainException;
import io.edumatrix.platform.security.Caller;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A course's sections and lessons. Row-level security keeps every course of another institution out of sight, so
 * that writing to one is a 404 like a course that does not exist.
 */
@Service
@Transactional("courses")
class CourseContentService {

    private final CourseRepository courses;
    private final SectionRepository sections;
    private final LessonRepository lessons;
    private final EnrollmentRepository enrollments;
    private final ApplicationEventPublisher events;

    CourseContentService(CourseRepository courses, SectionRepository sections, LessonRepository lessons,
            EnrollmentRepository enrollments, ApplicationEventPublisher events) {
        this.events = events;
        this.courses = courses;
        this.sections = sections;
        this.lessons = lessons;
        this.enrollments = enrollments;
    }

    /** A section at the end of the course; the course row stays locked meanwhile, so two never take one position. */
    Section addSection(UUID courseId, String title) {
        var course = courses.lockById(courseId).orElseThrow(() -> DomainException.notFound("Course", courseId));
        return sections.save(Section.of(course, title, sections.nextPosition(courseId)));
    }

    /** A draft lesson at the end of the section, which moves the section's version on. */
    Lesson addLesson(UUID courseId, UUID sectionId, Lesson.Content content) {
        var section = lockSection(courseId, sectionId);
        var lesson = lessons.save(Lesson.draft(section, lessons.nextPosition(sectionId), content));
        sections.save(section.touched());
        return lesson;
    }

    Lesson changeStatus(UUID courseId, UUID lessonId, Lesson.Status status) {
        var lesson = lessons.findInCourse(lessonId, courseId).orElseThrow(() -> DomainException.notFound("Lesson", lessonId));
        var changed = lessons.save(lesson.movedTo(status));
        if (changed.published()) {
            events.publishEvent(LessonPublished.of(changed.institutionId(), courseId, lessonId, changed.sectionId()));
        }
        return changed;
    }

    /**
     * The section's lessons in the order asked for. The section's row lock lets one reorder at a time through; one
     * sent against the version the other left behind is refused (409), so neither is silently lost.
     */
    Outline.SectionOutline reorder(UUID courseId, UUID sectionId, List<UUID> lessonIds, Long expectedVersion) {
        var section = lockSection(courseId, sectionId);
        var byId = lessons.findBySectionInOrder(sectionId).stream()
                .collect(Collectors.toMap(Lesson::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        var order = section.reorder(expectedVersion, List.copyOf(byId.keySet()), lessonIds);
        var reordered = lessons.saveAll(IntStream.range(0, order.size())
                .mapToObj(i -> byId.get(order.get(i)).at(i + 1)).toList());
        return new Outline.SectionOutline(sections.save(section.touched()), reordered);
    }

    /**
     * The course's sections and lessons in order: staff see every lesson, a student enrolled in the course the
     * published ones, and any other member nothing (404, as for a course that does not exist).
     */
    @Transactional(value = "courses", readOnly = true)
    Outline outline(UUID courseId, Caller caller) {
        var course = courses.findById(courseId).orElseThrow(() -> DomainException.notFound("Course", courseId));
        boolean staff = caller.staff();
        if (!staff && !enrollments.isLearner(courseId, caller.accountId())) {
            throw DomainException.notFound("Course", courseId);
        }
        var statuses = staff ? List.of(Lesson.Status.values()) : List.of(Lesson.Status.PUBLISHED);
        Map<UUID, List<Lesson>> bySection = lessons.findOutline(courseId, statuses.stream().map(Enum::name).toList())
                .stream().collect(Collectors.groupingBy(Lesson::sectionId));
        return new Outline(course, sections.findByCourseInOrder(courseId).stream()
                .map(s -> new Outline.SectionOutline(s, bySection.getOrDefault(s.id(), List.of())))
                .toList());
    }

    private Section lockSection(UUID courseId, UUID sectionId) {
        return sections.lockInCourse(sectionId, courseId).orElseThrow(() -> DomainException.notFound("Section", sectionId));
    }

    /** A course's content as read at once. */
    record Outline(Course course, List<SectionOutline> sections) {

        record SectionOutline(Section section, List<Lesson> lessons) {}
    }
}
