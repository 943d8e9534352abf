package io.edumatrix.identity.internal.sessions;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** One login attempt and how it ended; the email only as its blind index, whether or not an account has it. */
@Table("login_attempt")
public record LoginAttempt(@Id UUID id, byte[] emailIndex, UUID accountId, Outcome outcome, String requestId,
        Instant attemptedAt) {

    public enum Outcome {
        SUCCESS,
        BAD_CREDENTIALS,
        UNKNOWN_ACCOUNT,
        DISABLED,
        LOCKED,
        NOT_A_MEMBER
    }
}
