package io.edumatrix.platform.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edumatrix.platform.domain.DomainException;
import io.edumatrix.platform.domain.ProblemType;
import io.edumatrix.platform.testing.UnitTest;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

@UnitTest
class StateMachineTests {

    static final class Posting {
        enum Status { DRAFT, OPEN, CLOSED }
    }

    private final StateMachine<Posting.Status> machine = StateMachine.of(Posting.Status.class).named("job posting")
            .allow(Posting.Status.DRAFT, Posting.Status.OPEN, Posting.Status.CLOSED)
            .allowFromEach(EnumSet.of(Posting.Status.OPEN), Posting.Status.CLOSED)
            .build();

    @Test
    void a_declared_move_is_allowed_and_returns_the_target() {
        assertThat(machine.check(Posting.Status.DRAFT, Posting.Status.OPEN)).isEqualTo(Posting.Status.OPEN);
        assertThat(machine.allows(Posting.Status.OPEN, Posting.Status.CLOSED)).isTrue();
        assertThat(machine.from(Posting.Status.DRAFT)).containsExactly(Posting.Status.OPEN, Posting.Status.CLOSED);
    }

    @Test
    void any_other_move_is_a_409_naming_the_current_state_and_where_it_could_go() {
        assertThatThrownBy(() -> machine.check(Posting.Status.OPEN, Posting.Status.DRAFT))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.type()).isEqualTo(ProblemType.INVALID_TRANSITION);
                    assertThat(e.getMessage()).isEqualTo("The job posting is OPEN; it can become only [CLOSED], not DRAFT");
                    assertThat(e.properties()).containsEntry("currentState", "OPEN")
                            .containsEntry("allowedStates", List.of("CLOSED"));
                });
    }

    @Test
    void staying_put_is_refused_unless_declared_and_a_final_state_says_so() {
        assertThatThrownBy(() -> machine.check(Posting.Status.OPEN, Posting.Status.OPEN)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> machine.check(Posting.Status.CLOSED, Posting.Status.OPEN))
                .hasMessage("The job posting is CLOSED; it cannot change any more, not OPEN");
    }

    @Test
    void the_resource_is_named_after_the_enums_enclosing_class_by_default() {
        var unnamed = StateMachine.of(Posting.Status.class).build();
        assertThatThrownBy(() -> unnamed.check(Posting.Status.DRAFT, Posting.Status.CLOSED))
                .hasMessageStartingWith("The Posting is DRAFT");
    }
}
