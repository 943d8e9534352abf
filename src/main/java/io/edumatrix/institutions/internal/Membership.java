package io.edumatrix.institutions.internal;

import io.edumatrix.institutions.MembershipSummary;
import io.edumatrix.platform.Ids;
import io.edumatrix.platform.Times;
import io.edumatrix.platform.security.Role;
import java.time.Instant;
import java.util.UUID;
import java.util.function.LongSupplier;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** An account's place in an institution. Its own aggregate: an institution may have thousands of members. */
@Table("membership")
record Membership(@Id UUID id, @Version Long version, UUID institutionId, UUID accountId, Role role, Instant createdAt,
        Instant updatedAt) {

    static Membership of(UUID institutionId, UUID accountId, Role role) {
        var now = Times.now();
        return new Membership(Ids.next(), null, institutionId, accountId, role, now, now);
    }

    /**
     * An institution is never left without an admin of its own (only a platform admin could then manage it): its last
     * admin ({@code admins} counts them, asked only when it matters) neither becomes anything else nor leaves
     * ({@code newRole} null).
     */
    void requireNotLastAdmin(Role newRole, LongSupplier admins) {
        if (role == Role.INSTITUTION_ADMIN && newRole != Role.INSTITUTION_ADMIN && admins.getAsLong() <= 1) {
            throw InstitutionsProblems.LAST_ADMIN.exception("Institution " + institutionId
                    + " would be left without an admin; make someone else admin first");
        }
    }

    Membership withRole(Role newRole) {
        return new Membership(id, version, institutionId, accountId, newRole, createdAt, Times.now());
    }

    MembershipSummary summary() {
        return new MembershipSummary(institutionId, accountId, role);
    }
}
