package io.edumatrix.identity.internal.sessions;

import io.edumatrix.identity.internal.IdentityProblems;
import io.edumatrix.identity.internal.Views.TokenPair;
import io.edumatrix.identity.internal.accounts.AccountSealing;
import io.edumatrix.identity.internal.accounts.AccountService;
import io.edumatrix.identity.internal.accounts.Passwords;
import io.edumatrix.identity.internal.sessions.LoginAttempt.Outcome;
import io.edumatrix.identity.internal.twofactor.StaffTwoFactorPolicy;
import io.edumatrix.identity.internal.twofactor.TwoFactor;
import io.edumatrix.platform.domain.DomainException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Logging in with email and password. The password is checked outside any transaction (Argon2 is slow on purpose);
 * every attempt is recorded in a transaction of its own that commits whatever the answer. Unknown emails, wrong
 * passwords and disabled accounts cost the same work and get the same answer.
 */
@Component
public class Login {

    private final LoginAttempts attempts;
    private final Passwords passwords;
    private final AccountService accounts;
    private final Memberships memberships;
    private final SessionService sessions;
    private final TokenIssuer issuer;
    private final AccountSealing sealing;
    private final TwoFactor twoFactor;
    private final StaffTwoFactorPolicy staffPolicy;

    Login(LoginAttempts attempts, Passwords passwords, AccountService accounts, Memberships memberships,
            SessionService sessions, TokenIssuer issuer, AccountSealing sealing, TwoFactor twoFactor,
            StaffTwoFactorPolicy staffPolicy) {
        this.twoFactor = twoFactor;
        this.staffPolicy = staffPolicy;
        this.attempts = attempts;
        this.passwords = passwords;
        this.accounts = accounts;
        this.memberships = memberships;
        this.sessions = sessions;
        this.issuer = issuer;
        this.sealing = sealing;
    }

    public TokenPair login(String email, String password, Optional<UUID> institutionId) {
        var emailIndex = sealing.emailIndex(email);
        var admission = attempts.admit(emailIndex);
        if (admission.lockedFor().isPresent()) {
            throw locked(admission.lockedFor().get());
        }
        if (admission.account().isEmpty()) {
            passwords.matchesNothing(password);
            throw failed(emailIndex, null, Outcome.UNKNOWN_ACCOUNT);
        }
        var account = admission.account().get();
        if (!passwords.matches(password, account.passwordHash())) {
            throw failed(emailIndex, account.id(), Outcome.BAD_CREDENTIALS);
        }
        if (!account.active()) {
            throw failed(emailIndex, account.id(), Outcome.DISABLED);
        }
        Memberships.Scope scope;
        try {
            scope = memberships.scope(account, institutionId);
        } catch (DomainException notAMember) {
            attempts.record(emailIndex, account.id(), Outcome.NOT_A_MEMBER);
            throw notAMember;
        }
        if (passwords.outdated(account.passwordHash())) {
            accounts.replacePasswordHash(account.id(), passwords.hash(password));
        }
        scope = withStaffPolicy(account.id(), scope, institutionId.isPresent());
        if (twoFactor.enabled(account.id())) {
            throw new DomainException(IdentityProblems.SECOND_FACTOR_REQUIRED, "Send a code of your authenticator app,"
                    + " or a recovery code, with the challenge to POST /api/sessions/second-factor")
                    .with("challenge", twoFactor.challenge(account.id(), institutionId.orElse(null)));
        }
        attempts.record(emailIndex, account.id(), Outcome.SUCCESS);
        return issuer.issue(account.id(), scope, sessions.start(account.id(), scope.institutionId()));
    }

    /**
     * A login vouched for by an identity provider: the account's tokens, as a password login issues them, or the second
     * step first if the account has two-factor authentication on.
     */
    public TokenPair loginLinked(UUID accountId) {
        var account = accounts.get(accountId);
        if (!account.active()) {
            throw new DomainException(IdentityProblems.INVALID_CREDENTIALS, "The account is disabled");
        }
        var scope = withStaffPolicy(account.id(), memberships.scope(account, Optional.empty()), false);
        if (twoFactor.enabled(account.id())) {
            throw new DomainException(IdentityProblems.SECOND_FACTOR_REQUIRED, "Send a code of your authenticator app,"
                    + " or a recovery code, with the challenge to POST /api/sessions/second-factor")
                    .with("challenge", twoFactor.challenge(account.id(), null));
        }
        attempts.record(sealing.emailIndex(account.email()), account.id(), Outcome.SUCCESS);
        return issuer.issue(account.id(), scope, sessions.start(account.id(), scope.institutionId()));
    }

    /**
     * The second step of a login with two-factor authentication: the challenge and a code become a token pair, scoped
     * as the first step asked; memberships are read again.
     */
    public TokenPair completeSecondFactor(String challenge, String code) {
        var passed = twoFactor.pass(challenge, code);
        var account = accounts.get(passed.accountId());
        if (!account.active()) {
            throw new DomainException(IdentityProblems.INVALID_CHALLENGE, "Log in again");
        }
        var scope = memberships.scope(account, Optional.ofNullable(passed.institutionId()));
        attempts.record(sealing.emailIndex(account.email()), account.id(), Outcome.SUCCESS);
        return issuer.issue(account.id(), scope, sessions.start(account.id(), scope.institutionId()));
    }

    /**
     * A staff member without TOTP of an institution that requires it: refused when they asked for the institution; when
     * it was only their one membership, scoped to no institution instead, so they can log in and turn TOTP on.
     */
    Memberships.Scope withStaffPolicy(UUID accountId, Memberships.Scope scope, boolean asked) {
        if (!staffPolicy.blocks(accountId, scope.institutionId(), scope.roles())) {
            return scope;
        }
        if (asked) {
            throw new DomainException(IdentityProblems.SECOND_FACTOR_ENROLLMENT_REQUIRED, "Institution "
                    + scope.institutionId() + " requires two-factor authentication of its staff: log in without it and"
                    + " turn it on (POST /api/accounts/me/totp) first");
        }
        var remaining = new java.util.LinkedHashSet<>(scope.roles());
        remaining.retainAll(java.util.Set.of(io.edumatrix.platform.security.Role.PLATFORM_ADMIN));
        return new Memberships.Scope(null, remaining);
    }

    private DomainException failed(byte[] emailIndex, UUID accountId, Outcome outcome) {
        attempts.failed(emailIndex, accountId, outcome);
        return new DomainException(IdentityProblems.INVALID_CREDENTIALS, "The email or the password is wrong");
    }

    private static DomainException locked(Duration lockedFor) {
        var seconds = Math.max(1, lockedFor.plusMillis(999).toSeconds());
        return new DomainException(IdentityProblems.ACCOUNT_LOCKED,
                "Too many failed logins; try again in " + seconds + " seconds", Duration.ofSeconds(seconds));
    }
}
