package io.edumatrix.freelancing.internal;

import io.edumatrix.platform.privacy.PersonalDataVault;
import io.edumatrix.platform.privacy.SealedColumn;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Seals the module's personal text for the account that wrote it (a gig's client, a proposal's freelancer), and opens
 * it again. A value whose writer has been forgotten (erased) opens as null.
 */
@Component
class FreelancingSealing {

    static final SealedColumn GIG_TITLE = SealedColumn.of("gig", "title");
    static final SealedColumn GIG_DESCRIPTION = SealedColumn.of("gig", "description");
    static final SealedColumn PROPOSAL_MESSAGE = SealedColumn.of("proposal", "message");

    private final PersonalDataVault vault;

    FreelancingSealing(@Qualifier("freelancing") PersonalDataVault vault) {
        this.vault = vault;
    }

    byte[] seal(UUID account, SealedColumn column, UUID rowId, String plaintext) {
        return vault.seal(account, column, rowId, plaintext);
    }

    String open(UUID account, SealedColumn column, UUID rowId, byte[] ciphertext) {
        return vault.open(account, column, rowId, ciphertext).orElse(null);
    }

    void forget(UUID account) {
        vault.forget(account);
    }
}
