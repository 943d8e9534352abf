package io.edumatrix.identity.internal;

import io.edumatrix.institutions.AccountDirectory;
import io.edumatrix.platform.web.DomainException;
import io.edumatrix.platform.web.ProblemType;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional("identity")
class AccountService implements AccountDirectory {

    static final ProblemType EMAIL_TAKEN = ProblemType.conflict("email-taken");

    private final AccountRepository accounts;

    AccountService(AccountRepository accounts) {
        this.accounts = accounts;
    }

    /** Takes the hash, not the password: Argon2 takes a while and needs no connection ({@link AccountRegistration}). */
    Account create(String email, String displayName, String passwordHash, boolean platformAdmin) {
        var account = Account.register(email, displayName, passwordHash, platformAdmin);
        try {
            return accounts.save(account);
        } catch (DuplicateKeyException e) {
            throw new DomainException(EMAIL_TAKEN, "An account with email " + email + " exists already");
        }
    }

    @Transactional(value = "identity", readOnly = true)
    Optional<Account> findByEmail(String email) {
        return accounts.findByEmail(email.strip());
    }

    @Transactional(value = "identity", readOnly = true)
    Account get(UUID id) {
        return accounts.findById(id).orElseThrow(() -> DomainException.notFound("Account", id));
    }

    void replacePasswordHash(UUID id, String newHash) {
        accounts.findById(id).ifPresent(account -> accounts.save(account.withPasswordHash(newHash)));
    }

    @Override
    @Transactional(value = "identity", readOnly = true)
    public Optional<UUID> findAccountIdByEmail(String email) {
        return accounts.findByEmail(email.strip()).filter(Account::active).map(Account::id);
    }
}
