package io.edumatrix.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.institutions.InstitutionDeactivated;
import io.edumatrix.jobs.JobPosted;
import io.edumatrix.platform.mail.MailQueued;
import io.edumatrix.platform.privacy.ErasureConfirmed;
import io.edumatrix.platform.privacy.ErasureRequested;
import io.edumatrix.platform.testing.UnitTest;
import io.edumatrix.students.StudentPostPublished;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ADR 0036: only the events a listener in another process takes go to the broker. */
@UnitTest
class ListenedElsewhereTests {

    @Test
    void a_process_whose_jobs_module_is_remote_sends_what_jobs_listens_to_and_nothing_else() {
        var jobsElsewhere = ListenedElsewhere.byModules(List.of("jobs"));

        assertThat(jobsElsewhere.takes(InstitutionDeactivated.class)).isTrue();
        assertThat(jobsElsewhere.takes(StudentPostPublished.class)).as("statistics listens, but runs here").isFalse();
        assertThat(jobsElsewhere.takes(JobPosted.class)).isFalse();
    }

    @Test
    void the_listeners_of_several_remote_modules_add_up() {
        var elsewhere = ListenedElsewhere.byModules(List.of("jobs", "statistics"));

        assertThat(elsewhere.takes(StudentPostPublished.class)).isTrue();
        assertThat(elsewhere.takes(InstitutionDeactivated.class)).isTrue();
    }

    @Test
    void the_platforms_shared_events_always_go_since_every_process_has_their_listeners() {
        var nothingElsewhere = ListenedElsewhere.byModules(List.of());

        assertThat(nothingElsewhere.takes(ErasureRequested.class)).isTrue();
        assertThat(nothingElsewhere.takes(ErasureConfirmed.class)).isTrue();
        assertThat(nothingElsewhere.takes(MailQueued.class)).isTrue();
        assertThat(nothingElsewhere.takes(JobPosted.class)).isFalse();
    }
}
