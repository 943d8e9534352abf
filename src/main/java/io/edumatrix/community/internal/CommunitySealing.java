package io.edumatrix.community.internal;

import io.edumatrix.platform.privacy.PersonalDataVault;
import io.edumatrix.platform.privacy.SealedColumn;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/** Seals message bodies for their authors and opens them again; a forgotten (erased) author's body opens as null. */
@Component
class CommunitySealing {

    static final SealedColumn MESSAGE_BODY = SealedColumn.of("message", "body");

    private final PersonalDataVault vault;

    CommunitySealing(@Qualifier("community") PersonalDataVault vault) {
        this.vault = vault;
    }

    byte[] seal(UUID account, UUID messageId, String body) {
        return vault.seal(account, MESSAGE_BODY, messageId, body);
    }

    String open(Message message) {
        return vault.open(message.authorAccountId(), MESSAGE_BODY, message.id(), message.body()).orElse(null);
    }

    void forget(UUID account) {
        vault.forget(account);
    }
}
