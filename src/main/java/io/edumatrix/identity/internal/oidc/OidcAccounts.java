package io.edumatrix.identity.internal.oidc;

import io.edumatrix.identity.internal.IdentityProblems;
import io.edumatrix.identity.internal.SecretTokens;
import io.edumatrix.identity.internal.accounts.AccountRepository;
import io.edumatrix.identity.internal.accounts.AccountSealing;
import io.edumatrix.identity.internal.accounts.AccountService;
import io.edumatrix.platform.Ids;
import io.edumatrix.platform.Times;
import io.edumatrix.platform.domain.DomainException;
import io.edumatrix.platform.privacy.PersonalDataVault;
import io.edumatrix.platform.privacy.SealedColumn;
import java.time.Duration;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The identity side of a provider sign-in: the sign-ins under way (state and nonce), and the link from a provider's
 * subject to an account. A first sign-in links the account whose verified email the provider vouches for, or creates
 * one, verified, with no usable password (a password reset gives it one).
 */
@Service
@Transactional("identity")
class OidcAccounts {

    static final SealedColumn SUBJECT = SealedColumn.of("linked_identity", "subject");
    static final SealedColumn EMAIL = SealedColumn.of("linked_identity", "email");
    static final Duration LOGIN_TTL = Duration.ofMinutes(10);

    /** What the provider's ID token says about the person. */
    record Claims(String subject, String email, boolean emailVerified, String name) {}

    private final LinkedIdentityRepository identities;
    private final AccountRepository accountRows;
    private final AccountSealing sealing;
    private final AccountService accounts;
    private final PersonalDataVault vault;

    OidcAccounts(LinkedIdentityRepository identities, AccountRepository accountRows, AccountSealing sealing,
            AccountService accounts, @Qualifier("identity") PersonalDataVault vault) {
        this.identities = identities;
        this.accountRows = accountRows;
        this.sealing = sealing;
        this.accounts = accounts;
        this.vault = vault;
    }

    void begin(String registration, String state, String nonce) {
        var now = Times.now();
        identities.insertLogin(Ids.next(), registration, SecretTokens.hash(state), nonce, now, now.plus(LOGIN_TTL));
    }

    /** The nonce of the sign-in with this state, used once; a forged, reused or expired state is refused. */
    String claim(String registration, String state) {
        return identities.claimLogin(SecretTokens.hash(state), registration, Times.now())
                .orElseThrow(() -> OidcSignIn.failed("The state is unknown, has expired or has been used"));
    }

    /** The account the provider's subject is linked to, linking or creating it on the first sign-in. */
    UUID accountFor(String registration, Claims claims, String unusablePasswordHash) {
        var index = vault.blindIndex(SUBJECT, registration + " " + claims.subject());
        var linked = identities.findAccountId(index);
        if (linked.isPresent()) {
            return linked.get();
        }
        if (claims.email() == null || !claims.emailVerified()) {
            throw new DomainException(IdentityProblems.OIDC_EMAIL_NOT_VERIFIED,
                    "The identity provider did not vouch for an email address, so no account can be linked");
        }
        var existing = accountRows.findByEmailIndex(sealing.emailIndex(claims.email()));
        UUID accountId;
        if (existing.isPresent()) {
            if (existing.get().emailVerifiedAt() == null || !existing.get().active()) {
                throw new DomainException(IdentityProblems.ACCOUNT_EMAIL_UNVERIFIED, "An account with this email exists"
                        + " but has not verified it; verify it (or reset its password) first, then sign in again");
            }
            accountId = existing.get().id();
        } else {
            var name = claims.name() == null || claims.name().isBlank() ? claims.email() : claims.name().strip();
            accountId = accounts.createLinked(claims.email(), name, unusablePasswordHash).id();
        }
        var id = Ids.next();
        identities.insert(id, accountId, registration, index, vault.seal(accountId, SUBJECT, id, claims.subject()),
                vault.seal(accountId, EMAIL, id, claims.email()), Times.now());
        return accountId;
    }

    /** Erasure. */
    void erase(UUID accountId) {
        identities.deleteByAccountId(accountId);
    }
}
