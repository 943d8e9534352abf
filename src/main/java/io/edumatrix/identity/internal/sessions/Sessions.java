package io.edumatrix.identity.internal.sessions;

import io.edumatrix.identity.internal.Views.TokenPair;
import io.edumatrix.identity.internal.accounts.AccountService;
import io.edumatrix.platform.security.Caller;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Refreshing, rescoping and ending sessions. Memberships are read between the identity transactions, never inside
 * one: a transaction stays within its module.
 */
@Component
class Sessions {

    private final SessionService sessions;
    private final AccountService accounts;
    private final Memberships memberships;
    private final TokenIssuer issuer;
    private final Login login;

    Sessions(SessionService sessions, AccountService accounts, Memberships memberships, TokenIssuer issuer,
            Login login) {
        this.login = login;
        this.sessions = sessions;
        this.accounts = accounts;
        this.memberships = memberships;
        this.issuer = issuer;
    }

    /**
     * A new pair for the presented refresh token, whose roles are read again; the presented token stops working. A
     * token into an institution that has come to require two-factor authentication of its staff is refused to a staff
     * member without it, and stays unused: it works again once they turn TOTP on.
     */
    TokenPair refresh(String refreshToken) {
        var presented = sessions.inspect(refreshToken);
        var account = accounts.get(presented.accountId());
        var institution = Optional.ofNullable(presented.institutionId());
        var scope = login.withStaffPolicy(account.id(), memberships.scope(account, institution), institution.isPresent());
        var claim = sessions.claim(refreshToken);
        return issuer.issue(account.id(), scope, sessions.next(claim.sessionId(), scope.institutionId()));
    }

    /**
     * A pair scoped to another institution of the account, in the same session, so that logging out still ends
     * everything the login started. The session's earlier refresh token stops working.
     */
    TokenPair switchInstitution(Caller caller, UUID institutionId) {
        var account = accounts.get(caller.accountId());
        var scope = login.withStaffPolicy(account.id(), memberships.scope(account, Optional.of(institutionId)), true);
        return issuer.issue(account.id(), scope, sessions.rescope(account.id(), session(caller), institutionId));
    }

    void end(Caller caller) {
        sessions.end(caller.accountId(), session(caller));
    }

    /** Verified tokens always name their session: the decoder refuses one without. */
    private static UUID session(Caller caller) {
        return caller.sessionId().orElseThrow(() -> new IllegalStateException("A verified token without a session"));
    }
}
