package io.edumatrix.statistics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.community.MessagePosted;
import io.edumatrix.courses.CourseCreated;
import io.edumatrix.courses.EnrollmentCompleted;
import io.edumatrix.courses.EnrollmentCreated;
import io.edumatrix.courses.LessonCompleted;
import io.edumatrix.feedback.FeedbackErased;
import io.edumatrix.feedback.FeedbackSubmitted;
import io.edumatrix.feedback.SubjectType;
import io.edumatrix.freelancing.ContractCancelled;
import io.edumatrix.freelancing.ContractCompleted;
import io.edumatrix.freelancing.GigClosed;
import io.edumatrix.freelancing.GigPosted;
import io.edumatrix.freelancing.ProposalAccepted;
import io.edumatrix.jobs.ApplicationStatusChanged;
import io.edumatrix.jobs.ApplicationSubmitted;
import io.edumatrix.jobs.JobPosted;
import io.edumatrix.jobs.JobPostingClosed;
import io.edumatrix.news.ArticlePublished;
import io.edumatrix.news.ArticleRetracted;
import io.edumatrix.platform.Times;
import io.edumatrix.platform.events.DomainEvent;
import io.edumatrix.platform.tenancy.TenantContext;
import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.statistics.internal.Views.Articles;
import io.edumatrix.statistics.internal.Views.Contracts;
import io.edumatrix.statistics.internal.Views.CourseRatings;
import io.edumatrix.statistics.internal.Views.Gigs;
import io.edumatrix.statistics.internal.Views.JobPostings;
import io.edumatrix.statistics.internal.Views.Overview;
import io.edumatrix.statistics.internal.Views.Point;
import io.edumatrix.students.StudentPostPublished;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.TestPropertySource;

/**
 * The read model on its own, with the shared platform and no other module's beans: events published as if by their
 * modules, in a shuffled order (delivery does not keep one), add up to the figures they describe.
 */
@ApplicationModuleTest(webEnvironment = WebEnvironment.NONE)
// The publishing modules' schemas and outboxes, not their beans: the scenario's events leave through their outboxes.
@TestPropertySource(properties = "edumatrix.modules=statistics,courses,students,jobs,freelancing,news,community,feedback")
@IntegrationTest
class StatisticsModuleTests {

    private final StatisticsService statistics;
    private final ApplicationEventPublisher publisher;

    StatisticsModuleTests(@Autowired StatisticsService statistics, @Autowired ApplicationEventPublisher publisher) {
        this.statistics = statistics;
        this.publisher = publisher;
    }

    @Test
    void events_in_any_order_add_up_to_the_institutions_figures(Scenario scenario) {
        var institution = UUID.randomUUID();
        var ann = UUID.randomUUID();
        var ben = UUID.randomUUID();
        var cat = UUID.randomUUID();
        var course = UUID.randomUUID();
        var open = UUID.randomUUID();
        var closed = UUID.randomUUID();
        var draft = UUID.randomUUID();
        var hired = UUID.randomUUID();
        var waiting = UUID.randomUUID();
        var openGig = UUID.randomUUID();
        var awardedGig = UUID.randomUUID();
        var completedGig = UUID.randomUUID();
        var cancelledGig = UUID.randomUUID();
        var kept = UUID.randomUUID();
        var retracted = UUID.randomUUID();
        var replaced = UUID.randomUUID();
        var erased = UUID.randomUUID();
        var annsEnrollment = UUID.randomUUID();

        var events = new ArrayList<DomainEvent>(List.of(
                CourseCreated.of(institution, course),
                CourseCreated.of(institution, UUID.randomUUID()),
                EnrollmentCreated.of(institution, annsEnrollment, course, ann),
                LessonCompleted.of(institution, course, UUID.randomUUID(), annsEnrollment, ann),
                EnrollmentCompleted.of(institution, course, annsEnrollment, ann),
                StudentPostPublished.of(institution, UUID.randomUUID(), UUID.randomUUID(), ben),
                JobPosted.of(institution, open, UUID.randomUUID()),
                JobPosted.of(institution, closed, UUID.randomUUID()),
                JobPostingClosed.of(institution, closed),
                // A draft closed without ever opening: closed, never open.
                JobPostingClosed.of(institution, draft),
                ApplicationSubmitted.of(institution, hired, open, ann),
                ApplicationStatusChanged.of(institution, hired, open, ann, "SUBMITTED", "UNDER_REVIEW"),
                ApplicationStatusChanged.of(institution, hired, open, ann, "UNDER_REVIEW", "HIRED"),
                ApplicationSubmitted.of(institution, waiting, open, cat),
                GigPosted.of(institution, openGig, ann),
                GigPosted.of(institution, awardedGig, ann),
                ProposalAccepted.of(institution, UUID.randomUUID(), awardedGig, UUID.randomUUID(), ann, ben),
                GigPosted.of(institution, completedGig, ann),
                ProposalAccepted.of(institution, UUID.randomUUID(), completedGig, UUID.randomUUID(), ann, ben),
                ContractCompleted.of(institution, UUID.randomUUID(), completedGig, ann, ben),
                GigClosed.of(institution, completedGig),
                GigPosted.of(institution, cancelledGig, ann),
                ProposalAccepted.of(institution, UUID.randomUUID(), cancelledGig, UUID.randomUUID(), ann, ben),
                ContractCancelled.of(institution, UUID.randomUUID(), cancelledGig, ann, ben),
                GigClosed.of(institution, cancelledGig),
                ArticlePublished.of(institution, kept, ann),
                ArticlePublished.of(institution, retracted, ann),
                ArticleRetracted.of(institution, retracted),
                MessagePosted.of(institution, UUID.randomUUID(), UUID.randomUUID(), ann, List.of()),
                MessagePosted.of(institution, UUID.randomUUID(), UUID.randomUUID(), ben, List.of()),
                MessagePosted.of(institution, UUID.randomUUID(), UUID.randomUUID(), cat, List.of(ann)),
                FeedbackSubmitted.of(institution, replaced, SubjectType.COURSE, course, ann, 4, null),
                FeedbackSubmitted.of(institution, replaced, SubjectType.COURSE, course, ann, 5, 4),
                FeedbackSubmitted.of(institution, erased, SubjectType.COURSE, course, ben, 1, null),
                FeedbackErased.of(institution, erased, 1, SubjectType.COURSE, course),
                // Not a course's rating: counts nowhere.
                FeedbackSubmitted.of(institution, UUID.randomUUID(), SubjectType.PLATFORM, null, cat, 2, null)));
        Collections.shuffle(events, new Random(institution.getMostSignificantBits()));

        var applications = new LinkedHashMap<String, Long>();
        StatisticsService.APPLICATION_STATUSES.forEach(status -> applications.put(status, 0L));
        applications.put("SUBMITTED", 1L);
        applications.put("HIRED", 1L);
        var expected = new Overview(institution, 2, 1, 3, new JobPostings(1, 2), applications, new Gigs(1, 1, 2),
                new Contracts(1, 1, 1), new Articles(1, 1), 3, new CourseRatings(1, 5, 5.0), 1);

        scenario.stimulate(() -> events.forEach(publisher::publishEvent))
                .andWaitForStateChange(() -> overviewOf(institution), expected::equals)
                .andVerify(overview -> assertThat(overview).isEqualTo(expected));

        var today = LocalDate.ofInstant(Times.now(), ZoneOffset.UTC);
        assertThat(TenantContext.inInstitution(institution,
                () -> statistics.daily(DailyMetric.MESSAGES, today.minusDays(1), today).days()))
                .containsExactly(new Point(today.minusDays(1), 0), new Point(today, 3));
        assertThat(TenantContext.inInstitution(institution,
                () -> statistics.daily(DailyMetric.ACTIVE_STUDENTS, today, today).days()))
                .containsExactly(new Point(today, 3));
        assertThat(overviewOf(UUID.randomUUID()).messages()).as("another institution's figures").isZero();
    }

    private Overview overviewOf(UUID institution) {
        return TenantContext.inInstitution(institution, () -> statistics.overview(institution));
    }
}
