package io.edumatrix.identity.internal.verification;

import io.edumatrix.identity.internal.IdentityProblems;
import io.edumatrix.identity.internal.accounts.Account;
import io.edumatrix.identity.internal.accounts.AccountRepository;
import io.edumatrix.identity.internal.accounts.AccountSealing;
import io.edumatrix.identity.internal.verification.AccountToken.Purpose;
import io.edumatrix.platform.domain.DomainException;
import io.edumatrix.platform.mail.Mail;
import io.edumatrix.platform.mail.OutgoingMail;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether an account's email is its holder's. A new account, and an account whose email changed, is unverified and is
 * mailed a single-use link ({@code token=…}); following it verifies the email the link was sent to, and no other.
 * What an unverified account may not do is checked where it is done ({@link #requireVerified}).
 */
@Service
@Transactional("identity")
public class EmailVerification {

    static final String TEMPLATE = "identity/email-verification";

    private final AccountRepository accounts;
    private final AccountSealing sealing;
    private final AccountTokens tokens;
    private final OutgoingMail mail;

    EmailVerification(AccountRepository accounts, AccountSealing sealing, AccountTokens tokens, OutgoingMail mail) {
        this.accounts = accounts;
        this.sealing = sealing;
        this.tokens = tokens;
        this.mail = mail;
    }

    /** Mails a link that verifies the account's current email; sent once the caller's transaction commits. */
    public void send(Account account) {
        var token = tokens.issue(account.id(), Purpose.EMAIL_VERIFICATION, sealing.emailIndex(account.email()));
        mail.send("identity", new Mail(account.id(), account.email(), TEMPLATE,
                Map.of("displayName", account.displayName(), "token", token)));
    }

    /** Refuses, with {@code email-not-verified}, what only a verified account may do. */
    public static void requireVerified(Account account, String what) {
        if (!account.emailVerified()) {
            throw new DomainException(IdentityProblems.EMAIL_NOT_VERIFIED,
                    "Verify your email first (follow the link mailed to you) to " + what);
        }
    }

    void verify(String token) {
        var used = tokens.use(token, Purpose.EMAIL_VERIFICATION);
        var stored = accounts.findById(used.accountId())
                .filter(account -> Arrays.equals(account.emailIndex(), used.emailIndex()))
                .orElseThrow(AccountTokens::refused);
        accounts.save(stored.withEmailVerified());
    }

    void resend(UUID accountId) {
        var account = sealing.open(accounts.findById(accountId).orElseThrow(() -> DomainException.notFound("Account",
                accountId)));
        if (account.emailVerified()) {
            throw new DomainException(IdentityProblems.EMAIL_ALREADY_VERIFIED, "The email is verified already");
        }
        tokens.waitBeforeNext(accountId, Purpose.EMAIL_VERIFICATION).ifPresent(wait -> {
            throw new DomainException(IdentityProblems.TOO_MANY_MAILS, "Too many verification mails lately; try again"
                    + " later", wait);
        });
        send(account);
    }

    /** Another email for the account, unverified until the link mailed to it is followed. */
    void changeEmail(UUID accountId, String email) {
        var stored = accounts.findById(accountId).orElseThrow(() -> DomainException.notFound("Account", accountId));
        try {
            var changed = accounts.save(sealing.withEmail(stored, email));
            send(sealing.open(changed));
        } catch (DuplicateKeyException e) {
            throw new DomainException(IdentityProblems.EMAIL_TAKEN, "An account with this email exists already");
        }
    }
}
