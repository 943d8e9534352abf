package io.edumatrix.identity.internal;

import static io.edumatrix.platform.testing.Sql.execute;

import io.edumatrix.platform.Ids;
import io.edumatrix.platform.security.Role;
import java.util.HexFormat;
import java.util.UUID;

/** Test data written past the application as the admin role: institutions, memberships, and the passing of time. */
public final class IdentityFixtures {

    public static final String PASSWORD = "correct horse battery";

    private IdentityFixtures() {}

    public static String uniqueEmail() {
        return "user-" + UUID.randomUUID() + "@example.org";
    }

    /**
     * Memberships are visible to an account only once the platform carries the tenant context into every module
     * transaction (row-level security); until that lands, the tests that need memberships are skipped, not failed.
     */
    public static UUID institutionWithMember(UUID accountId, Role role) {
        var institution = Ids.next();
        execute("INSERT INTO institutions.institution (id, version, name, code, status, created_at, updated_at)"
                + " VALUES ('" + institution + "', 0, 'Fixture', 'F" + institution.toString().substring(24)
                + "', 'ACTIVE', now(), now())");
        addMember(institution, accountId, role);
        return institution;
    }

    public static void addMember(UUID institution, UUID accountId, Role role) {
        execute("INSERT INTO institutions.membership (id, version, institution_id, account_id, role, created_at, updated_at)"
                + " VALUES ('" + Ids.next() + "', 0, '" + institution + "', '" + accountId + "', '" + role.name()
                + "', now(), now())");
    }

    /** As if the lock of the email (by its blind index) had been set {@code minutes} earlier: it ends that much sooner. */
    public static void ageLockout(byte[] emailIndex, int minutes) {
        execute("UPDATE identity.login_lockout SET locked_until = locked_until - interval '" + minutes + " minutes'"
                + " WHERE email_index = '\\x" + HexFormat.of().formatHex(emailIndex) + "'");
    }

    public static void expireRefreshTokensOf(UUID accountId) {
        execute("UPDATE identity.refresh_token SET expires_at = now() - interval '1 second' WHERE family_id IN"
                + " (SELECT id FROM identity.session_family WHERE account_id = '" + accountId + "')");
    }
}
