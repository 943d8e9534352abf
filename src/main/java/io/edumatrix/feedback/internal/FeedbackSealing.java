package io.edumatrix.feedback.internal;

import io.edumatrix.platform.privacy.PersonalDataVault;
import io.edumatrix.platform.privacy.SealedColumn;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Seals comments for the account that wrote them, bound to their row, and opens them again. A comment whose author has
 * been forgotten (erased) opens as null.
 */
@Component
class FeedbackSealing {

    static final SealedColumn COMMENT = SealedColumn.of("feedback", "comment");

    private final PersonalDataVault vault;

    FeedbackSealing(@Qualifier("feedback") PersonalDataVault vault) {
        this.vault = vault;
    }

    byte[] seal(UUID account, UUID rowId, String comment) {
        return comment == null ? null : vault.seal(account, COMMENT, rowId, comment);
    }

    String open(Feedback feedback) {
        return feedback.comment() == null ? null
                : vault.open(feedback.authorAccountId(), COMMENT, feedback.id(), feedback.comment()).orElse(null);
    }

    void forget(UUID account) {
        vault.forget(account);
    }
}
