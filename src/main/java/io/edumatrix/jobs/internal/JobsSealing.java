package io.edumatrix.jobs.internal;

import io.edumatrix.platform.privacy.PersonalDataVault;
import io.edumatrix.platform.privacy.SealedColumn;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Seals the module's personal column, the cover letter, for the applicant, and opens it again. A letter whose person
 * has been forgotten (erased) opens as null.
 */
@Component
class JobsSealing {

    static final SealedColumn COVER_LETTER = SealedColumn.of("job_application", "cover_letter");

    private final PersonalDataVault vault;

    JobsSealing(@Qualifier("jobs") PersonalDataVault vault) {
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
