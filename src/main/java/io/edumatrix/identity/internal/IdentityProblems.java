package io.edumatrix.identity.internal;

import io.edumatrix.platform.domain.ProblemType.Category;
import io.edumatrix.platform.domain.ProblemType;

/**
 * The ways a request to the identity module can fail, besides the platform's: one list for the module's areas
 * (accounts, sessions, keys, erasure), which is why it is public within the module's internals.
 */
public final class IdentityProblems {

    /** A password shorter than 12 or longer than 128 characters, or equal to the email. */
    public static final ProblemType PASSWORD_REJECTED =
            new ProblemType("password-rejected", Category.INVALID, "Invalid request");
    /** An account with that email (in any case) exists. */
    public static final ProblemType EMAIL_TAKEN = ProblemType.conflict("email-taken");
    /** Wrong email or password: the same answer, after the same work, whether or not the email exists. */
    public static final ProblemType INVALID_CREDENTIALS =
            new ProblemType("invalid-credentials", Category.UNAUTHENTICATED, "Unauthorized");
    /** Too many failed logins of the email lately; the problem says how long is left. */
    public static final ProblemType ACCOUNT_LOCKED =
            new ProblemType("account-locked", Category.TOO_MANY_ATTEMPTS, "Too many attempts");
    /** Logging in to, or switching to, an institution the account does not belong to. */
    public static final ProblemType NOT_A_MEMBER = new ProblemType("not-a-member", Category.FORBIDDEN, "Forbidden");
    /** A refresh token that is unknown, expired or already used. */
    public static final ProblemType INVALID_REFRESH_TOKEN =
            new ProblemType("invalid-refresh-token", Category.UNAUTHENTICATED, "Unauthorized");
    /** The session was ended (logout, or a reused refresh token). */
    public static final ProblemType SESSION_ENDED =
            new ProblemType("session-ended", Category.UNAUTHENTICATED, "Unauthorized");

    private IdentityProblems() {}
}
