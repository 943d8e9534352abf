package io.edumatrix.identity.internal.sessions;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** One login's chain of refresh tokens; its id is the {@code sid} of every access token issued in it. */
@Table("session_family")
public record SessionFamily(@Id UUID id, UUID accountId, Instant createdAt, Instant revokedAt, String revokedReason) {

    static final String LOGOUT = "LOGOUT";
    static final String TOKEN_REUSED = "TOKEN_REUSED";
    /** The password was changed or reset: every session of the account ends. */
    static final String CREDENTIALS_CHANGED = "CREDENTIALS_CHANGED";

    boolean revoked() {
        return revokedAt != null;
    }
}
