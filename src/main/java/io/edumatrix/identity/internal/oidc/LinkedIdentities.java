package io.edumatrix.identity.internal.oidc;

import io.edumatrix.platform.privacy.PersonalDataVault;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An account's linked provider identities as its export shows them: provider, email (opened) and when. */
@Service
@Transactional(value = "identity", readOnly = true)
public class LinkedIdentities {

    public record Linked(String registration, String email, Instant linkedAt) {}

    private final LinkedIdentityRepository identities;
    private final PersonalDataVault vault;

    LinkedIdentities(LinkedIdentityRepository identities, @Qualifier("identity") PersonalDataVault vault) {
        this.identities = identities;
        this.vault = vault;
    }

    public List<Linked> of(UUID accountId) {
        return identities.findByAccountId(accountId).stream()
                .map(l -> new Linked(l.registration(),
                        vault.openOrNull(accountId, OidcAccounts.EMAIL, l.id(), l.email()), l.createdAt()))
                .toList();
    }
}
