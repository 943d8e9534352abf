package io.edumatrix.statistics.internal;

import io.edumatrix.courses.CourseCreated;
import io.edumatrix.courses.EnrollmentCompleted;
import io.edumatrix.courses.EnrollmentCreated;
import io.edumatrix.courses.LessonCompleted;
import io.edumatrix.platform.events.ModuleListener;
import io.edumatrix.students.StudentPostPublished;
import org.springframework.stereotype.Component;

/**
 * Courses, enrollments, their completions and students' posts; a student who enrolled, completed a lesson or posted
 * is active that day.
 */
@Component
class LearningListeners {

    private final Tally tally;
    private final LagMeter lag;

    LearningListeners(Tally tally, LagMeter lag) {
        this.tally = tally;
        this.lag = lag;
    }

    @ModuleListener("statistics")
    void on(CourseCreated event) {
        tally.count(event, DailyMetric.COURSES);
        lag.observe(event);
    }

    @ModuleListener("statistics")
    void on(EnrollmentCreated event) {
        tally.count(event, DailyMetric.ENROLLMENTS);
        tally.active(event, event.studentId());
        lag.observe(event);
    }

    @ModuleListener("statistics")
    void on(LessonCompleted event) {
        tally.active(event, event.studentId());
        lag.observe(event);
    }

    @ModuleListener("statistics")
    void on(EnrollmentCompleted event) {
        tally.count(event, DailyMetric.COURSE_COMPLETIONS);
        tally.active(event, event.studentId());
        lag.observe(event);
    }

    @ModuleListener("statistics")
    void on(StudentPostPublished event) {
        tally.active(event, event.authorAccountId());
        lag.observe(event);
    }
}
