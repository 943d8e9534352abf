package io.edumatrix.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edumatrix.platform.privacy.ErasureConfirmed;
import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.web.HttpApplicationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An event the platform declares for several modules ({@link SharedEvent}) goes to the outbox of the module it names,
 * not of its package's (which is no module), and one that names no configured module is refused.
 */
@HttpApplicationTest
@IntegrationTest
class SharedEventRoutingTests {

    @Autowired
    private ApplicationEventPublisher events;

    @Autowired
    @Qualifier("courses")
    private PlatformTransactionManager coursesTransactions;

    @Autowired
    private PlatformTransactionManager defaultTransactions;

    @Test
    void a_shared_event_is_written_to_the_outbox_of_the_module_it_names() {
        var event = ErasureConfirmed.of(UUID.randomUUID(), "courses");

        new TransactionTemplate(coursesTransactions).executeWithoutResult(status -> events.publishEvent(event));

        assertThat(Outboxes.publicationsOfEvent(event.eventId())).isNotEmpty()
                .allSatisfy(publication -> assertThat(publication.schema()).isEqualTo("courses"));
    }

    @Test
    void a_shared_event_naming_no_configured_module_is_refused() {
        var event = ErasureConfirmed.of(UUID.randomUUID(), "nowhere");

        assertThatThrownBy(() -> new TransactionTemplate(defaultTransactions)
                .executeWithoutResult(status -> events.publishEvent(event)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("names 'nowhere' as its publishing module");
        assertThat(Outboxes.publicationsOfEvent(event.eventId())).isEmpty();
    }
}
