package io.edumatrix.identity.internal;

import io.edumatrix.platform.Ids;
import io.edumatrix.platform.Times;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A person's account: how they log in. What they may do in an institution is a membership, kept by institutions. */
@Table("account")
record Account(@Id UUID id, @Version Long version, String email, String displayName, Status status,
        boolean platformAdmin, String passwordHash, Instant createdAt, Instant updatedAt) {

    enum Status {
        ACTIVE,
        DISABLED
    }

    static Account register(String email, String displayName, String passwordHash, boolean platformAdmin) {
        var now = Times.now();
        return new Account(Ids.next(), null, email, displayName, Status.ACTIVE, platformAdmin, passwordHash, now, now);
    }

    boolean active() {
        return status == Status.ACTIVE;
    }

    Account withPasswordHash(String newHash) {
        return new Account(id, version, email, displayName, status, platformAdmin, newHash, createdAt, Times.now());
    }
}
