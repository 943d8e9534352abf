package io.edumatrix.institutions.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edumatrix.institutions.InstitutionDeactivated;
import io.edumatrix.platform.events.Outboxes.Publication;
import io.edumatrix.platform.events.Outboxes;
import io.edumatrix.platform.testing.EventDeliveries;
import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.testing.World;
import io.edumatrix.platform.web.HttpApplicationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox promise for the events of the institutions module: a publication is written to the institutions schema
 * by the very transaction that makes the change it announces, so it commits and rolls back with that change; and an
 * event published where no such transaction is open is refused, or written by a documented rule, never lost.
 */
@HttpApplicationTest
@EnableScenarios
@IntegrationTest
class InstitutionEventOutboxTests {

    private static final String LISTENER = "io.edumatrix.courses.internal.InstitutionDeactivationListener.on("
            + InstitutionDeactivated.class.getName() + ")";

    @Autowired
    private InstitutionService service;

    @Autowired
    private ApplicationEventPublisher events;

    @Autowired
    @Qualifier("institutions")
    private PlatformTransactionManager institutionsTransactions;

    @Autowired
    @Qualifier("courses")
    private PlatformTransactionManager coursesTransactions;

    @Autowired
    @Qualifier("transactionManager")
    private PlatformTransactionManager defaultTransactions;

    @Autowired
    @Qualifier("institutions")
    private NamedParameterJdbcTemplate institutionsJdbc;

    @Autowired
    private RestTestClient http;

    @Test
    void a_deactivation_and_its_publication_are_written_by_one_transaction_of_the_institutions_module() {
        var institution = register();

        var writtenByThisTransaction = new TransactionTemplate(institutionsTransactions).execute(status -> {
            service.deactivate(institution);
            assertThat(publicationsOf(institution)).as("publications visible outside the transaction before it commits")
                    .isEmpty();
            return institutionsJdbc.queryForMap("""
                    SELECT (SELECT count(*) FROM institution
                             WHERE id = :id AND status = 'DEACTIVATED' AND xmin = pg_current_xact_id()::xid) AS institutions,
                           (SELECT count(*) FROM event_publication
                             WHERE serialized_event::jsonb ->> 'institutionId' = :id::text AND listener_id = :listener
                               AND xmin = pg_current_xact_id()::xid) AS publications""",
                    Map.of("id", institution, "listener", LISTENER));
        });

        assertThat(writtenByThisTransaction).as("rows the deactivating transaction wrote")
                .containsEntry("institutions", 1L).containsEntry("publications", 1L);
        // One publication per listener of the event (courses, jobs, freelancing); courses' is the one followed here.
        assertThat(publicationsOf(institution)).filteredOn(p -> p.listenerId().equals(LISTENER)).singleElement()
                .satisfies(publication -> {
            assertThat(publication.schema()).isEqualTo("institutions");
            assertThat(publication.listenerId()).isEqualTo(LISTENER);
        });
    }

    @Test
    void a_rolled_back_deactivation_leaves_no_publication_in_any_schema_and_no_listener_runs(Scenario scenario) {
        var rolledBack = register();
        var rolledBackInsideACommittedDefaultTransaction = register();
        var committed = register();
        var courses = List.of(createCourse(rolledBack), createCourse(rolledBackInsideACommittedDefaultTransaction),
                createCourse(committed));

        deactivateAndRollBack(rolledBack);
        // The Scenario's stimulus runs in a transaction of the default manager, which commits.
        scenario.stimulate(() -> {
                    deactivateAndRollBack(rolledBackInsideACommittedDefaultTransaction);
                    service.deactivate(committed);
                })
                .andWaitForStateChange(() -> publicationsOf(committed),
                        EventDeliveries::allCompleted)
                .andVerifyEvents(published -> {
                    var deactivations = published.ofType(InstitutionDeactivated.class);
                    for (var institution : List.of(rolledBack, rolledBackInsideACommittedDefaultTransaction)) {
                        var event = deactivations.matching(e -> e.institutionId().equals(institution)).iterator().next();
                        assertThat(Outboxes.publicationsOfEvent(event.eventId())).as("publications of %s", event).isEmpty();
                        assertThat(Outboxes.inboxEntriesOf(event.eventId())).as("deliveries of %s", event).isEmpty();
                        assertThat(service.get(institution).active()).as("institution %s active", institution).isTrue();
                    }
                });

        assertThat(enrollmentOpen(courses)).as("enrollment open in the courses of the three institutions")
                .containsExactly(true, true, false);
        assertThat(closures(rolledBack) + closures(rolledBackInsideACommittedDefaultTransaction)).isZero();
        assertThat(closures(committed)).isOne();
    }

    @Test
    void an_institutions_event_published_in_a_courses_transaction_fails_naming_the_event_and_its_module() {
        var event = InstitutionDeactivated.of(register());

        assertThatThrownBy(() -> new TransactionTemplate(coursesTransactions)
                .executeWithoutResult(status -> events.publishEvent(event)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("InstitutionDeactivated")
                .hasMessageContaining("'institutions'");
        assertThat(Outboxes.publicationsOfEvent(event.eventId())).isEmpty();
    }

    @Test
    void an_event_published_outside_any_transaction_fails_naming_the_event_and_its_module() {
        var event = InstitutionDeactivated.of(register());

        assertThatThrownBy(() -> events.publishEvent(event))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("InstitutionDeactivated")
                .hasMessageContaining("'institutions'");
        assertThat(Outboxes.publicationsOfEvent(event.eventId())).isEmpty();
    }

    /** The rule that lets {@code Scenario.publish} work: no module data changes in such a transaction. */
    @Test
    void an_event_published_in_a_transaction_of_the_default_manager_is_written_as_it_commits_in_a_transaction_of_its_own(
            Scenario scenario) {
        var institution = register();
        var event = InstitutionDeactivated.of(institution);
        var visibleBeforeThePublishingTransactionCommits = new AtomicReference<List<Publication>>();

        scenario.stimulate(() -> {
                    events.publishEvent(event);
                    visibleBeforeThePublishingTransactionCommits.set(Outboxes.publicationsOfEvent(event.eventId()));
                })
                .andWaitForStateChange(() -> Outboxes.publicationsOfEvent(event.eventId()),
                        EventDeliveries::allCompleted)
                .andVerify(found -> assertThat(found).extracting(Publication::schema).containsOnly("institutions"));

        assertThat(visibleBeforeThePublishingTransactionCommits.get()).isEmpty();
        assertThat(closures(institution)).isOne();
    }

    /** The other side of that rule: the publication is written as that transaction commits, so a rollback leaves none. */
    @Test
    void a_publication_in_a_default_transaction_that_rolls_back_is_never_written() {
        var event = InstitutionDeactivated.of(register());

        new TransactionTemplate(defaultTransactions).executeWithoutResult(status -> {
            events.publishEvent(event);
            assertThat(Outboxes.publicationsOfEvent(event.eventId())).isEmpty();
            status.setRollbackOnly();
        });

        assertThat(Outboxes.publicationsOfEvent(event.eventId())).isEmpty();
    }

    /**
     * A read-only transaction may run on a read replica (ADR 0028), where the outbox row could not be written: the
     * publication is written on the primary in a transaction of its own as the read-only one commits, and not at all
     * when it rolls back.
     */
    @Test
    void an_event_published_in_a_read_only_transaction_is_written_in_its_own_transaction_when_that_one_commits() {
        var committed = register();
        var rolledBack = register();
        var readOnly = new TransactionTemplate(institutionsTransactions);
        readOnly.setReadOnly(true);

        readOnly.executeWithoutResult(status -> {
            events.publishEvent(InstitutionDeactivated.of(committed));
            assertThat(publicationsOf(committed)).as("publications before the read-only transaction commits").isEmpty();
        });
        readOnly.executeWithoutResult(status -> {
            events.publishEvent(InstitutionDeactivated.of(rolledBack));
            status.setRollbackOnly();
        });

        assertThat(publicationsOf(committed)).as("publications of the committed read-only transaction").isNotEmpty()
                .allSatisfy(publication -> assertThat(publication.schema()).isEqualTo("institutions"));
        assertThat(publicationsOf(rolledBack)).as("publications of the rolled-back one").isEmpty();
    }

    private UUID register() {
        var code = "EV" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        return service.register("Outbox University " + code, code).id();
    }

    private void deactivateAndRollBack(UUID institution) {
        assertThatThrownBy(() -> new TransactionTemplate(institutionsTransactions).executeWithoutResult(status -> {
            service.deactivate(institution);
            throw new DeliberateFailure();
        })).isInstanceOf(DeliberateFailure.class);
    }

    /** Created over HTTP by an instructor the platform administrator adds to the institution. */
    private UUID createCourse(UUID institution) {
        var world = new World(http);
        var instructor = world.member(world.platformAdmin(), institution, "INSTRUCTOR");
        return World.course(instructor.client(), institution, World.uniqueCode("C"), "Outbox course");
    }

    private static List<Publication> publicationsOf(UUID institution) {
        return Outboxes.publicationsOf(InstitutionDeactivated.class, institution);
    }

    private static List<Boolean> enrollmentOpen(List<UUID> courses) {
        return courses.stream()
                .map(course -> Outboxes.count("SELECT 1 FROM courses.course WHERE id = ? AND enrollment_open", course) == 1)
                .toList();
    }

    private static int closures(UUID institution) {
        return Outboxes.count("SELECT 1 FROM courses.enrollment_closure WHERE institution_id = ?", institution);
    }

    private static final class DeliberateFailure extends RuntimeException {}
}
