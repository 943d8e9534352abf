package io.edumatrix.students.internal;

import io.edumatrix.platform.privacy.PersonalDataVault;
import io.edumatrix.platform.privacy.SealedColumn;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Seals the module's personal columns for the account they are about, and opens them again. A value whose person has
 * been forgotten (erased) opens as null.
 */
@Component
class StudentsSealing {

    static final SealedColumn HEADLINE = SealedColumn.of("profile", "headline");
    static final SealedColumn BIO = SealedColumn.of("profile", "bio");
    static final SealedColumn POST_BODY = SealedColumn.of("post", "body");
    static final SealedColumn COMMENT_BODY = SealedColumn.of("comment", "body");

    private final PersonalDataVault vault;

    StudentsSealing(@Qualifier("students") PersonalDataVault vault) {
        this.vault = vault;
    }

    byte[] seal(UUID account, SealedColumn column, UUID rowId, String plaintext) {
        return plaintext == null ? null : vault.seal(account, column, rowId, plaintext);
    }

    String open(UUID account, SealedColumn column, UUID rowId, byte[] ciphertext) {
        return ciphertext == null ? null : vault.open(account, column, rowId, ciphertext).orElse(null);
    }

    void forget(UUID account) {
        vault.forget(account);
    }
}
