package io.edumatrix.identity.internal.oidc;

import io.edumatrix.platform.domain.DomainException;
import io.edumatrix.platform.domain.ProblemType;
import io.edumatrix.platform.privacy.PersonalDataVault;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An account's linked provider identities as the account and its export see them (provider, email opened, when), and
 * unlinking one. After an unlink, that provider's subject signs in as a first sign-in again: linked by a verified
 * email, or refused.
 */
@Service
@Transactional("identity")
public class LinkedIdentities {

    public record Linked(UUID id, String registration, String email, Instant linkedAt) {}

    private final LinkedIdentityRepository identities;
    private final PersonalDataVault vault;

    LinkedIdentities(LinkedIdentityRepository identities, @Qualifier("identity") PersonalDataVault vault) {
        this.identities = identities;
        this.vault = vault;
    }

    @Transactional(value = "identity", readOnly = true)
    public List<Linked> of(UUID accountId) {
        return identities.findByAccountId(accountId).stream()
                .map(l -> new Linked(l.id(), l.registration(),
                        vault.openOrNull(accountId, OidcAccounts.EMAIL, l.id(), l.email()), l.createdAt()))
                .toList();
    }

    /** Removes the account's link; one of another account is not found, as one that exists nowhere. */
    void unlink(UUID accountId, UUID linkedIdentityId) {
        if (identities.deleteOfAccount(linkedIdentityId, accountId) == 0) {
            throw new DomainException(ProblemType.NOT_FOUND, "No linked identity " + linkedIdentityId);
        }
    }
}
