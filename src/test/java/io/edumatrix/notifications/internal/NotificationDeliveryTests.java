package io.edumatrix.notifications.internal;

import static io.edumatrix.platform.testing.EventDeliveries.deliver;
import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.community.MessagePosted;
import io.edumatrix.courses.EnrollmentCreated;
import io.edumatrix.feedback.FeedbackSubmitted;
import io.edumatrix.feedback.SubjectType;
import io.edumatrix.freelancing.ContractCompleted;
import io.edumatrix.freelancing.ProposalAccepted;
import io.edumatrix.jobs.ApplicationStatusChanged;
import io.edumatrix.news.ArticlePublished;
import io.edumatrix.platform.events.Outboxes;
import io.edumatrix.platform.testing.EventDeliveries;
import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.testing.World.Person;
import io.edumatrix.platform.testing.World;
import io.edumatrix.platform.web.HttpApplicationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Every category, from the event that makes it to the list of the person it is for; a switched-off category makes
 * nothing; an event delivered again makes nothing more. Events are published as their modules would publish them,
 * naming the world's real accounts, except the enrollment and the course feedback, which go through the courses and
 * feedback APIs end to end.
 */
@HttpApplicationTest
@EnableScenarios
@IntegrationTest
class NotificationDeliveryTests {

    @Autowired
    private RestTestClient anonymous;

    @Autowired
    private NotificationListeners listeners;

    private World.Institution school;

    @BeforeEach
    void setUp() {
        school = new World(anonymous).institution();
    }

    @Test
    void an_enrollment_tells_the_student(Scenario scenario) {
        var course = createCourse(school.instructor());
        var enrollment = new String[1];
        var notification = awaitOne(scenario, school.student(), () -> enrollment[0] = idOf(post(school.instructor(),
                "/api/courses/" + course + "/enrollments", Map.of("studentId", school.student().accountId()))));

        assertThat(notification).containsEntry("category", "ENROLLMENT").containsEntry("subjectId", enrollment[0])
                .containsEntry("detail", course).containsEntry("read", false).containsEntry("broadcast", false);
        assertThat(list(school.instructor())).isEmpty();
    }

    @Test
    void an_applications_new_status_tells_the_applicant(Scenario scenario) {
        var application = UUID.randomUUID();
        deliver(scenario, ApplicationStatusChanged.of(school.id(), application, UUID.randomUUID(),
                school.student().accountId(), "SUBMITTED", "UNDER_REVIEW"));

        assertThat(list(school.student())).singleElement().satisfies(n -> assertThat(n)
                .containsEntry("category", "APPLICATION").containsEntry("subjectId", application.toString())
                .containsEntry("detail", "UNDER_REVIEW"));
    }

    @Test
    void an_accepted_proposal_tells_the_freelancer_only(Scenario scenario) {
        var proposal = UUID.randomUUID();
        deliver(scenario, ProposalAccepted.of(school.id(), proposal, UUID.randomUUID(), UUID.randomUUID(),
                school.instructor().accountId(), school.student().accountId()));

        assertThat(list(school.student())).singleElement().satisfies(n -> assertThat(n)
                .containsEntry("category", "PROPOSAL").containsEntry("subjectId", proposal.toString()));
        assertThat(list(school.instructor())).isEmpty();
    }

    @Test
    void a_completed_contract_tells_both_parties_and_skips_an_erased_one(Scenario scenario) {
        var contract = UUID.randomUUID();
        deliver(scenario, ContractCompleted.of(school.id(), contract, UUID.randomUUID(),
                school.instructor().accountId(), school.student().accountId()));
        var another = UUID.randomUUID();
        deliver(scenario, ContractCompleted.of(school.id(), another, UUID.randomUUID(), null,
                school.student().accountId()));

        assertThat(list(school.instructor())).extracting(n -> n.get("subjectId")).containsExactly(contract.toString());
        assertThat(list(school.student())).extracting(n -> n.get("subjectId"))
                .containsExactly(another.toString(), contract.toString());
    }

    @Test
    void an_article_is_one_broadcast_that_every_member_of_its_institution_sees_and_reads_on_their_own(
            Scenario scenario) {
        var article = UUID.randomUUID();
        var elsewhere = new World(anonymous).institution();
        deliver(scenario, ArticlePublished.of(school.id(), article, school.admin().accountId()));

        for (var member : List.of(school.admin(), school.instructor(), school.student())) {
            assertThat(list(member)).singleElement().satisfies(n -> assertThat(n).containsEntry("category", "ARTICLE")
                    .containsEntry("subjectId", article.toString()).containsEntry("broadcast", true));
        }
        assertThat(Outboxes.count("SELECT 1 FROM notifications.notification WHERE subject_id = ?", article))
                .isEqualTo(1);
        assertThat(list(elsewhere.student())).isEmpty();

        var id = (String) list(school.student()).getFirst().get("id");
        school.student().client().post().uri("/api/notifications/{id}/read", id).exchange().expectStatus()
                .isNoContent();
        assertThat(list(school.student()).getFirst()).containsEntry("read", true);
        assertThat(list(school.instructor()).getFirst()).containsEntry("read", false);
        elsewhere.student().client().post().uri("/api/notifications/{id}/read", id).exchange().expectStatus()
                .isNotFound();
    }

    @Test
    void a_mention_tells_the_mentioned_but_not_the_author(Scenario scenario) {
        var message = UUID.randomUUID();
        deliver(scenario, MessagePosted.of(school.id(), UUID.randomUUID(), message, school.instructor().accountId(),
                List.of(school.student().accountId(), school.instructor().accountId())));

        assertThat(list(school.student())).singleElement().satisfies(n -> assertThat(n)
                .containsEntry("category", "MENTION").containsEntry("subjectId", message.toString()));
        assertThat(list(school.instructor())).isEmpty();
    }

    @Test
    void feedback_on_a_course_tells_its_instructor_who_created_it(Scenario scenario) {
        var course = createCourse(school.instructor());
        World.enroll(school.student().client(), UUID.fromString(course));
        var feedback = new String[1];
        var notification = awaitOne(scenario, school.instructor(), () -> feedback[0] = idOf(post(school.student(),
                "/api/feedback", Map.of("subjectType", "COURSE", "subjectId", course, "rating", 4))));

        assertThat(notification).containsEntry("category", "FEEDBACK").containsEntry("subjectId", feedback[0])
                .containsEntry("detail", course);
        assertThat(list(school.student())).as("the rater hears of their enrollment at most, not of their feedback")
                .extracting(n -> n.get("category")).doesNotContain("FEEDBACK");
    }

    @Test
    void feedback_on_the_platform_or_by_the_instructor_on_their_own_course_tells_nobody(Scenario scenario) {
        var course = UUID.fromString(createCourse(school.instructor()));
        deliver(scenario, FeedbackSubmitted.of(school.id(), UUID.randomUUID(), SubjectType.PLATFORM, null,
                school.student().accountId(), 5, null));
        deliver(scenario, FeedbackSubmitted.of(school.id(), UUID.randomUUID(), SubjectType.COURSE, course,
                school.instructor().accountId(), 5, null));

        assertThat(list(school.instructor())).isEmpty();
    }

    @Test
    void a_category_switched_off_makes_no_notification_and_switched_on_again_does(Scenario scenario) {
        for (var category : List.of("APPLICATION", "PROPOSAL", "CONTRACT", "MENTION", "ARTICLE")) {
            putPreferences(school.student(), Map.of(category, false));
        }
        var student = school.student().accountId();
        deliver(scenario, ApplicationStatusChanged.of(school.id(), UUID.randomUUID(), UUID.randomUUID(), student,
                "SUBMITTED", "REJECTED"));
        deliver(scenario, ProposalAccepted.of(school.id(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                school.instructor().accountId(), student));
        deliver(scenario, ContractCompleted.of(school.id(), UUID.randomUUID(), UUID.randomUUID(), null, student));
        deliver(scenario, MessagePosted.of(school.id(), UUID.randomUUID(), UUID.randomUUID(),
                school.instructor().accountId(), List.of(student)));
        deliver(scenario, ArticlePublished.of(school.id(), UUID.randomUUID(), school.admin().accountId()));
        assertThat(list(school.student())).isEmpty();
        assertThat(list(school.instructor())).as("a broadcast stays for those who did not switch it off").hasSize(1);

        putPreferences(school.student(), Map.of("ARTICLE", true, "APPLICATION", true));
        assertThat(list(school.student())).extracting(n -> n.get("category")).containsExactly("ARTICLE");
        deliver(scenario, ApplicationStatusChanged.of(school.id(), UUID.randomUUID(), UUID.randomUUID(), student,
                "SUBMITTED", "UNDER_REVIEW"));
        assertThat(list(school.student())).extracting(n -> n.get("category"))
                .containsExactlyInAnyOrder("ARTICLE", "APPLICATION");
    }

    @Test
    void enrollment_and_feedback_switched_off_make_none(Scenario scenario) {
        putPreferences(school.student(), Map.of("ENROLLMENT", false));
        putPreferences(school.instructor(), Map.of("FEEDBACK", false));
        var course = createCourse(school.instructor());
        awaitDelivered(scenario, EnrollmentCreated.class, () -> post(school.instructor(),
                "/api/courses/" + course + "/enrollments", Map.of("studentId", school.student().accountId())));
        awaitDelivered(scenario, FeedbackSubmitted.class, () -> post(school.student(), "/api/feedback",
                Map.of("subjectType", "COURSE", "subjectId", course, "rating", 2)));

        assertThat(list(school.student())).isEmpty();
        assertThat(list(school.instructor())).isEmpty();
    }

    @Test
    void an_event_delivered_again_makes_its_notification_once(Scenario scenario) {
        var event = ApplicationStatusChanged.of(school.id(), UUID.randomUUID(), UUID.randomUUID(),
                school.student().accountId(), "UNDER_REVIEW", "INTERVIEW");
        deliver(scenario, event);

        listeners.on(event);
        listeners.on(event);

        assertThat(list(school.student())).hasSize(1);
        assertThat(Outboxes.inboxEntriesOf(event.eventId())).filteredOn(entry -> entry.startsWith("notifications "))
                .hasSize(1);
    }

    /** Does what publishes an event of the type in the school and waits until every listener has completed it. */
    private void awaitDelivered(Scenario scenario, Class<?> eventType, Runnable action) {
        EventDeliveries.awaitDelivered(scenario, eventType, school.id(), action);
    }

    /** Does what should notify the person and waits for the notification. */
    private static Map<String, Object> awaitOne(Scenario scenario, Person person, Runnable action) {
        var found = new Object[1];
        scenario.stimulate(action).andWaitForStateChange(() -> list(person), notifications -> !notifications.isEmpty())
                .andVerify(notifications -> found[0] = notifications.getFirst());
        @SuppressWarnings("unchecked")
        var notification = (Map<String, Object>) found[0];
        return notification;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Person person) {
        var page = person.client().get().uri("/api/notifications?limit=100").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return (List<Map<String, Object>>) page.get("items");
    }

    private static void putPreferences(Person person, Map<String, Boolean> preferences) {
        person.client().put().uri("/api/notifications/preferences").contentType(MediaType.APPLICATION_JSON)
                .body(preferences).exchange().expectStatus().isOk();
    }

    private String createCourse(Person staff) {
        var code = "N" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        return idOf(post(staff, "/api/courses",
                Map.of("institutionId", school.id(), "code", code, "title", "Algebra")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> post(Person person, String uri, Map<String, Object> body) {
        return (Map<String, Object>) person.client().post().uri(uri).contentType(MediaType.APPLICATION_JSON).body(body)
                .exchange().expectStatus().is2xxSuccessful().expectBody(Map.class).returnResult().getResponseBody();
    }

    private static String idOf(Map<String, Object> resource) {
        return (String) resource.get("id");
    }
}
