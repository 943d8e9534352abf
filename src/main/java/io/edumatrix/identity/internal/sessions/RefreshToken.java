package io.edumatrix.identity.internal.sessions;

import io.edumatrix.identity.internal.IdentityProblems;
import io.edumatrix.platform.domain.DomainException;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A stored refresh token: its SHA-256 only, the session it belongs to, and the institution it refreshes into. */
@Table("refresh_token")
record RefreshToken(@Id UUID id, UUID familyId, byte[] tokenHash, UUID institutionId, Instant createdAt,
        Instant expiresAt, Instant usedAt) {

    boolean expiredAt(Instant now) {
        return !expiresAt.isAfter(now);
    }

    /**
     * A token refreshes while its session lives and until it expires. That it is used once only is decided as it is
     * marked used, by the database, so that two refreshes at once cannot both pass.
     */
    void requireUsableIn(SessionFamily session, Instant now) {
        if (session.revoked()) {
            throw refused("belongs to a session that has ended");
        }
        if (expiredAt(now)) {
            throw refused("has expired");
        }
    }

    /** Every refusal of a refresh token is the same problem; its detail says why, for the token's holder. */
    static DomainException refused(String why) {
        return new DomainException(IdentityProblems.INVALID_REFRESH_TOKEN, "The refresh token " + why);
    }
}
