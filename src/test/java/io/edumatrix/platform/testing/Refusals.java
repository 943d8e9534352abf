package io.edumatrix.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.edumatrix.platform.domain.DomainException;
import io.edumatrix.platform.domain.ProblemType;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** For unit tests of a module's rules: the rule refuses with a problem of the expected type. */
public final class Refusals {

    private Refusals() {}

    /** Runs {@code call}, requires it to throw a {@link DomainException} of {@code type}, and answers it. */
    public static DomainException refusal(ThrowingCallable call, ProblemType type) {
        var refused = catchThrowableOfType(DomainException.class, call);
        assertThat(refused).as("the refusal").isNotNull();
        assertThat(refused.type()).as("the refusal's problem type").isEqualTo(type);
        return refused;
    }
}
