package io.edumatrix.identity.internal.sessions;

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
}
