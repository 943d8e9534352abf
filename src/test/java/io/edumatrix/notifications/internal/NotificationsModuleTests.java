package io.edumatrix.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import io.edumatrix.courses.CoursesApi;
import io.edumatrix.institutions.AccountDirectory;
import io.edumatrix.feedback.FeedbackSubmitted;
import io.edumatrix.feedback.SubjectType;
import io.edumatrix.jobs.ApplicationStatusChanged;
import io.edumatrix.notifications.internal.Views.NotificationView;
import io.edumatrix.platform.tenancy.TenantContext;
import io.edumatrix.platform.testing.IntegrationTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * Notifications on its own, with the shared platform and none of the other modules' beans: events published as if by
 * the jobs and feedback modules become notifications; the courses module's API is a stub naming a course's instructor.
 */
@ApplicationModuleTest(webEnvironment = WebEnvironment.NONE)
// The publishing modules' schemas and outboxes, not their beans: the scenario's events leave through their outboxes.
@TestPropertySource(properties = "edumatrix.modules=notifications,jobs,feedback")
@IntegrationTest
class NotificationsModuleTests {

    @MockitoBean
    private CoursesApi courses;

    /** Identity is not started: nobody is mailed here (mail delivery is NotificationMailTests'). */
    @MockitoBean
    private AccountDirectory accounts;

    private final NotificationService notifications;

    NotificationsModuleTests(@Autowired NotificationService notifications) {
        this.notifications = notifications;
    }

    @Test
    void an_applications_new_status_and_feedback_on_a_course_notify_the_applicant_and_the_instructor(
            Scenario scenario) {
        var institution = UUID.randomUUID();
        var applicant = UUID.randomUUID();
        var instructor = UUID.randomUUID();
        var course = UUID.randomUUID();
        when(courses.instructorsOf(course)).thenReturn(List.of(instructor));

        scenario.publish(ApplicationStatusChanged.of(institution, UUID.randomUUID(), UUID.randomUUID(), applicant,
                        "INTERVIEW", "OFFERED"))
                .andWaitForStateChange(() -> listOf(institution, applicant), found -> !found.isEmpty())
                .andVerify(found -> assertThat(found).singleElement().satisfies(n -> {
                    assertThat(n.category()).isEqualTo(Category.APPLICATION);
                    assertThat(n.detail()).isEqualTo("OFFERED");
                }));

        var feedback = UUID.randomUUID();
        scenario.publish(FeedbackSubmitted.of(institution, feedback, SubjectType.COURSE, course, applicant, 3, null))
                .andWaitForStateChange(() -> listOf(institution, instructor), found -> !found.isEmpty())
                .andVerify(found -> assertThat(found).singleElement().satisfies(n -> {
                    assertThat(n.category()).isEqualTo(Category.FEEDBACK);
                    assertThat(n.subjectId()).isEqualTo(feedback);
                }));
        assertThat(listOf(UUID.randomUUID(), instructor)).as("in another institution").isEmpty();
    }

    private List<NotificationView> listOf(UUID institution, UUID reader) {
        return TenantContext.inInstitution(institution, () -> notifications.list(reader, null, 10).items());
    }
}
