package io.edumatrix.identity.internal.accounts;

import io.edumatrix.identity.internal.IdentityProblems;
import io.edumatrix.institutions.AccountDirectory;
import io.edumatrix.platform.domain.DomainException;
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

    AccountService(AccountRepository accounts, AccountSealing sealing) {
        this.accounts = accounts;
        this.sealing = sealing;
    }

    /** Takes the hash, not the password: Argon2 takes a while and needs no connection ({@link AccountRegistration}). */
    Account create(String email, String displayName, String passwordHash, boolean platformAdmin) {
        var account = Account.register(email, displayName, passwordHash, platformAdmin);
        try {
            accounts.save(sealing.seal(account));
            return account;
        } catch (DuplicateKeyException e) {
            throw new DomainException(IdentityProblems.EMAIL_TAKEN, "An account with this email exists already");
        }
    }

    @Transactional(value = "identity", readOnly = true)
    Optional<Account> findByEmail(String email) {
        return findByEmailIndex(sealing.emailIndex(email));
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

    @Override
    @Transactional(value = "identity", readOnly = true)
    public Optional<UUID> findAccountIdByEmail(String email) {
        return accounts.findByEmailIndex(sealing.emailIndex(email)).filter(StoredAccount::active).map(StoredAccount::id);
    }

    @Override
    @Transactional(value = "identity", readOnly = true)
    public Optional<String> displayNameOf(UUID accountId) {
        return accounts.findById(accountId).map(sealing::open).map(Account::displayName);
    }

    @Override
    @Transactional(value = "identity", readOnly = true)
    public Optional<String> emailOf(UUID accountId) {
        return accounts.findById(accountId).filter(StoredAccount::active).map(sealing::open).map(Account::email);
    }
}
