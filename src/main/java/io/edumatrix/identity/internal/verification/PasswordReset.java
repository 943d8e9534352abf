package io.edumatrix.identity.internal.verification;

import io.edumatrix.identity.internal.accounts.Account;
import io.edumatrix.identity.internal.accounts.AccountRepository;
import io.edumatrix.identity.internal.accounts.AccountSealing;
import io.edumatrix.identity.internal.accounts.StoredAccount;
import io.edumatrix.identity.internal.sessions.AccountSessions;
import io.edumatrix.identity.internal.verification.AccountToken.Purpose;
import io.edumatrix.platform.mail.Mail;
import io.edumatrix.platform.mail.OutgoingMail;
import java.util.Arrays;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Password reset by a mailed single-use token. Asking never says whether the email has an account: an unknown email, a
 * disabled account and one mailed too often lately are all answered alike, and mailed nothing. Following the link
 * proves the holder reads that mailbox, so it also verifies the email it was sent to.
 */
@Service
@Transactional("identity")
class PasswordReset {

    static final String TEMPLATE = "identity/password-reset";
    private static final Logger log = LoggerFactory.getLogger(PasswordReset.class);

    private final AccountRepository accounts;
    private final AccountSealing sealing;
    private final AccountTokens tokens;
    private final OutgoingMail mail;
    private final AccountSessions sessions;

    PasswordReset(AccountRepository accounts, AccountSealing sealing, AccountTokens tokens, OutgoingMail mail,
            AccountSessions sessions) {
        this.accounts = accounts;
        this.sealing = sealing;
        this.tokens = tokens;
        this.mail = mail;
        this.sessions = sessions;
    }

    void request(String email) {
        var found = accounts.findByEmailIndex(sealing.emailIndex(email)).filter(StoredAccount::active);
        if (found.isEmpty()) {
            return;
        }
        var account = sealing.open(found.get());
        if (tokens.waitBeforeNext(account.id(), Purpose.PASSWORD_RESET).isPresent()) {
            log.info("Password reset for account {} not mailed: too many lately", account.id());
            return;
        }
        var token = tokens.issue(account.id(), Purpose.PASSWORD_RESET, found.get().emailIndex());
        mail.send("identity", new Mail(account.id(), account.email(), TEMPLATE,
                Map.of("displayName", account.displayName(), "token", token)));
    }

    /** The account a reset token is for, without using it: the new password is checked and hashed before. */
    @Transactional(value = "identity", readOnly = true)
    Account holderOf(String token) {
        var found = tokens.find(token, Purpose.PASSWORD_RESET);
        return accounts.findById(found.accountId()).filter(StoredAccount::active).map(sealing::open)
                .orElseThrow(AccountTokens::refused);
    }

    /** Uses the token, stores the new hash and ends every session of the account. */
    void complete(String token, String newHash) {
        var used = tokens.use(token, Purpose.PASSWORD_RESET);
        var stored = accounts.findById(used.accountId()).filter(StoredAccount::active)
                .orElseThrow(AccountTokens::refused);
        var changed = stored.withPasswordHash(newHash);
        accounts.save(Arrays.equals(stored.emailIndex(), used.emailIndex()) ? changed.withEmailVerified() : changed);
        sessions.revokeAll(stored.id());
    }
}
