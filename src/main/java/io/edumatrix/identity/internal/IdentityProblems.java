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
    /**
     * A service client's assertion that is not good: an unknown client, a signature its configured key does not verify,
     * another audience, expired or too long-lived, or already used.
     */
    public static final ProblemType INVALID_CLIENT_ASSERTION =
            new ProblemType("invalid-client-assertion", Category.UNAUTHENTICATED, "Unauthorized");
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

    /** A mailed token (email verification, password reset) that is unknown, expired, already used or for another email. */
    public static final ProblemType INVALID_TOKEN = new ProblemType("invalid-token", Category.INVALID, "Invalid request");
    /** Asking for a verification mail for an email that is verified already. */
    public static final ProblemType EMAIL_ALREADY_VERIFIED = ProblemType.conflict("email-already-verified");
    /** Something only an account with a verified email may do (turning on two-factor authentication). */
    public static final ProblemType EMAIL_NOT_VERIFIED =
            new ProblemType("email-not-verified", Category.FORBIDDEN, "Forbidden");
    /** Too many mails of one kind asked for an account lately; the problem says how long is left. */
    public static final ProblemType TOO_MANY_MAILS =
            new ProblemType("too-many-mails", Category.TOO_MANY_ATTEMPTS, "Too many attempts");
    /** The current password given to change the password or the email is wrong. */
    public static final ProblemType WRONG_PASSWORD = new ProblemType("wrong-password", Category.FORBIDDEN, "Forbidden");

    /** A password login of an account with two-factor authentication on: the problem carries the {@code challenge}. */
    public static final ProblemType SECOND_FACTOR_REQUIRED =
            new ProblemType("second-factor-required", Category.UNAUTHENTICATED, "Unauthorized");
    /** A second-factor challenge that is unknown, expired or used. */
    public static final ProblemType INVALID_CHALLENGE =
            new ProblemType("invalid-challenge", Category.UNAUTHENTICATED, "Unauthorized");
    /** A wrong, reused or malformed TOTP or recovery code at login. */
    public static final ProblemType INVALID_SECOND_FACTOR =
            new ProblemType("invalid-second-factor", Category.UNAUTHENTICATED, "Unauthorized");
    /** A wrong or malformed TOTP code confirming an enrollment, or turning two-factor authentication off. */
    public static final ProblemType INVALID_CODE = new ProblemType("invalid-code", Category.INVALID, "Invalid request");
    /** Enrolling, or confirming, while two-factor authentication is on already. */
    public static final ProblemType TOTP_ALREADY_ENABLED = ProblemType.conflict("totp-already-enabled");
    /** Confirming without an enrollment begun. */
    public static final ProblemType TOTP_NOT_PENDING = ProblemType.conflict("totp-not-pending");
    /** Turning two-factor authentication off while it is not on. */
    public static final ProblemType TOTP_NOT_ENABLED = ProblemType.conflict("totp-not-enabled");

    /** A sign-in with an identity provider refused: wrong or reused state, wrong nonce, issuer or signature, an error. */
    public static final ProblemType OIDC_LOGIN_FAILED =
            new ProblemType("oidc-login-failed", Category.UNAUTHENTICATED, "Unauthorized");
    /** A first sign-in with a provider that does not vouch for the person's email. */
    public static final ProblemType OIDC_EMAIL_NOT_VERIFIED =
            new ProblemType("oidc-email-not-verified", Category.FORBIDDEN, "Forbidden");
    /** A first provider sign-in for an email whose local account has not verified it (or is disabled). */
    public static final ProblemType ACCOUNT_EMAIL_UNVERIFIED = ProblemType.conflict("account-email-unverified");

    /** Logging in to an institution that requires two-factor authentication of its staff, without it turned on. */
    public static final ProblemType SECOND_FACTOR_ENROLLMENT_REQUIRED =
            new ProblemType("second-factor-enrollment-required", Category.FORBIDDEN, "Forbidden");

    private IdentityProblems() {}
}
