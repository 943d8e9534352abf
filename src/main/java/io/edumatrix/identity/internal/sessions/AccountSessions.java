package io.edumatrix.identity.internal.sessions;

import io.edumatrix.platform.Times;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Every session of an account at once, for the changes of its credentials that end them all. */
@Service
@Transactional("identity")
public class AccountSessions {

    private final SessionFamilyRepository families;
    private final RevokedSessions revokedSessions;

    AccountSessions(SessionFamilyRepository families, RevokedSessions revokedSessions) {
        this.families = families;
        this.revokedSessions = revokedSessions;
    }

    /**
     * Ends every session of the account: their refresh tokens stop at once, their access tokens on this instance once
     * the transaction commits and on the others within the revocation refresh interval.
     */
    public void revokeAll(UUID accountId) {
        var revoked = families.revokeAllOf(accountId, SessionFamily.CREDENTIALS_CHANGED, Times.now());
        if (revoked.isEmpty()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                revoked.forEach(revokedSessions::add);
            }
        });
    }
}
