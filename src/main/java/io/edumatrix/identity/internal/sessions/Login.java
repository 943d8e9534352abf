package io.edumatrix.identity.internal.sessions;

import io.edumatrix.identity.internal.IdentityProblems;
import io.edumatrix.identity.internal.Views.TokenPair;
import io.edumatrix.identity.internal.accounts.AccountSealing;
import io.edumatrix.identity.internal.accounts.AccountService;
import io.edumatrix.identity.internal.accounts.Passwords;
import io.edumatrix.identity.internal.sessions.LoginAttempt.Outcome;
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

    Login(LoginAttempts attempts, Passwords passwords, AccountService accounts, Memberships memberships,
            SessionService sessions, TokenIssuer issuer, AccountSealing sealing) {
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
        var admission = attempts.admit(emailIndex, sealing.emailIndexes(email));
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
        attempts.record(emailIndex, account.id(), Outcome.SUCCESS);
        if (passwords.outdated(account.passwordHash())) {
            accounts.replacePasswordHash(account.id(), passwords.hash(password));
        }
        return issuer.issue(account.id(), scope, sessions.start(account.id(), scope.institutionId()));
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
