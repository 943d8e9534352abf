package io.edumatrix.courses.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.courses.EnrollmentCreated;
import io.edumatrix.platform.events.Outboxes.Publication;
import io.edumatrix.platform.events.Outboxes;
import io.edumatrix.platform.tenancy.TenantContext;
import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.testing.World;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The events of the courses module go to the courses outbox, written by the transaction that makes the change. */
@WithProbeListeners
@IntegrationTest
class EnrollmentEventOutboxTests {

    @Autowired
    private CourseService courses;

    @Autowired
    private EnrollmentCreatedRecorder recorder;

    @Autowired
    @Qualifier("courses")
    private PlatformTransactionManager coursesTransactions;

    @Autowired
    @Qualifier("courses")
    private NamedParameterJdbcTemplate coursesJdbc;

    @Autowired
    private RestTestClient http;

    @Test
    void an_enrollment_and_its_publication_are_written_by_one_transaction_of_the_courses_module(Scenario scenario) {
        var school = new World(http).institution();
        var institution = school.id();
        var course = TenantContext.inInstitution(institution,
                () -> courses.create(institution, "E" + UUID.randomUUID().toString().substring(0, 8), "Enrollment", null, null));
        var student = school.student().accountId();
        var writtenByThisTransaction = new AtomicReference<Map<String, Object>>();

        scenario.stimulate(() -> TenantContext.inInstitution(institution, () -> new TransactionTemplate(coursesTransactions)
                .execute(status -> {
                    var enrollment = courses.enroll(course.id(), student);
                    assertThat(Outboxes.publicationsOf(EnrollmentCreated.class, institution))
                            .as("publications visible outside the transaction before it commits").isEmpty();
                    writtenByThisTransaction.set(coursesJdbc.queryForMap("""
                            SELECT (SELECT count(*) FROM enrollment
                                     WHERE id = :id AND xmin = pg_current_xact_id()::xid) AS enrollments,
                                   (SELECT count(*) FROM event_publication
                                     WHERE serialized_event::jsonb ->> 'enrollmentId' = :id::text
                                       AND listener_id = :listener
                                       AND xmin = pg_current_xact_id()::xid) AS publications""",
                            Map.of("id", enrollment.id(), "listener", EnrollmentCreatedRecorder.ID)));
                    return enrollment;
                })))
                .andWaitForStateChange(() -> recorder.received().stream()
                        .filter(e -> e.studentId().equals(student)).findFirst())
                .andVerify(received -> assertThat(received).get().satisfies(event -> {
                    assertThat(event.institutionId()).isEqualTo(institution);
                    assertThat(event.courseId()).isEqualTo(course.id());
                    assertThat(event.version()).isEqualTo(EnrollmentCreated.VERSION);
                }));

        assertThat(writtenByThisTransaction.get()).as("rows the enrolling transaction wrote")
                .containsEntry("enrollments", 1L).containsEntry("publications", 1L);
        // Other modules listen to enrollments too (statistics); this test follows the recorder's publication.
        assertThat(Outboxes.publicationsOf(EnrollmentCreated.class, institution))
                .filteredOn(p -> p.listenerId().equals(EnrollmentCreatedRecorder.ID)).singleElement()
                .extracting(Publication::schema, Publication::listenerId)
                .containsExactly("courses", EnrollmentCreatedRecorder.ID);
    }

}
