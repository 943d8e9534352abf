package io.edumatrix.identity.internal.accounts;

import io.edumatrix.identity.internal.IdentityProblems;
import io.edumatrix.identity.internal.sessions.AccountSessions;
import io.edumatrix.identity.internal.verification.EmailVerification;
import io.edumatrix.institutions.AccountDirectory;
import io.edumatrix.platform.domain.DomainException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Accounts as the rest of identity sees them: stored sealed, handed out with their email and display name opened. */
@Service
@Transactional("identity")
public class AccountService implements AccountDirectory {

    private final AccountRepository accounts;
    private final AccountSealing sealing;
    private final EmailVerification verification;

    AccountService(AccountRepository accounts, AccountSealing sealing, EmailVerification verification) {
        this.accounts = accounts;
        this.sealing = sealing;
        this.verification = verification;
    }

    /**
     * Takes the hash, not the password: Argon2 takes a while and needs no connection ({@link AccountRegistration}). An
     * account whose email nobody vouched for is mailed its verification link, once the account is stored.
     */
    Account create(String email, String displayName, String passwordHash, boolean platformAdmin,
            boolean emailVerified) {
        var account = Account.register(email, displayName, passwordHash, platformAdmin, emailVerified);
        if (findByEmailIndexes(sealing.emailIndexes(email)).isPresent()) {
            // The unique index sees only the current key's index; during a blind-index rotation an account may be stored
            // under the old one still.
            throw new DomainException(IdentityProblems.EMAIL_TAKEN, "An account with this email exists already");
        }
        try {
            accounts.save(sealing.seal(account));
            if (!emailVerified) {
                verification.send(account);
            }
            return account;
        } catch (DuplicateKeyException e) {
            throw new DomainException(IdentityProblems.EMAIL_TAKEN, "An account with this email exists already");
        }
    }

    /** An account created by a provider sign-in: the provider vouched for the email; the password hash is unusable. */
    public Account createLinked(String email, String displayName, String unusablePasswordHash) {
        return create(email.strip(), displayName, unusablePasswordHash, false, true);
    }

    @Transactional(value = "identity", readOnly = true)
    Optional<Account> findByEmail(String email) {
        return findByEmailIndexes(sealing.emailIndexes(email));
    }

    /** By any of the email's blind indexes ({@link AccountSealing#emailIndexes}), the first found. */
    @Transactional(value = "identity", readOnly = true)
    public Optional<Account> findByEmailIndexes(List<byte[]> emailIndexes) {
        return storedByEmailIndexes(emailIndexes).map(sealing::open);
    }

    private Optional<StoredAccount> storedByEmailIndexes(List<byte[]> emailIndexes) {
        return emailIndexes.stream().map(accounts::findByEmailIndex).flatMap(Optional::stream).findFirst();
    }

    @Transactional(value = "identity", readOnly = true)
    public Optional<Account> findByEmailIndex(byte[] emailIndex) {
        return accounts.findByEmailIndex(emailIndex).map(sealing::open);
    }

    /** The account with its email and display name decrypted (null once the person's key has been forgotten). */
    @Transactional(value = "identity", readOnly = true)
    public Account get(UUID id) {
        return accounts.findById(id).map(sealing::open).orElseThrow(() -> DomainException.notFound("Account", id));
    }

    public void replacePasswordHash(UUID id, String newHash) {
        accounts.findById(id).ifPresent(account -> accounts.save(account.withPasswordHash(newHash)));
    }

    /** A changed password ends every session of the account, in the same transaction. */
    public void replacePasswordHashAndEndSessions(UUID id, String newHash, AccountSessions sessions) {
        replacePasswordHash(id, newHash);
        sessions.revokeAll(id);
    }

    @Override
    @Transactional(value = "identity", readOnly = true)
    public Optional<UUID> findAccountIdByEmail(String email) {
        return storedByEmailIndexes(sealing.emailIndexes(email)).filter(StoredAccount::active).map(StoredAccount::id);
    }

    @Override
    @Transactional(value = "identity", readOnly = true)
    public Optional<String> displayNameOf(UUID accountId) {
        return accounts.findById(accountId).map(sealing::open).map(Account::displayName);
    }

    @Override
    @Transactional(value = "identity", readOnly = true)
    public Optional<String> verifiedEmailOf(UUID accountId) {
        return accounts.findById(accountId).filter(StoredAccount::active).map(sealing::open)
                .filter(Account::emailVerified).map(Account::email);
    }
}
