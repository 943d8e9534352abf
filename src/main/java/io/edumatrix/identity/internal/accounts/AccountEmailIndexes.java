package io.edumatrix.identity.internal.accounts;

import io.edumatrix.platform.privacy.BlindIndexedRows;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Identity's blind indexes, recomputed after a rotation of its blind-index key: each account's email index, and the
 * login attempts and lockout filed under it, in account id order. Attempts filed under an email no account has cannot
 * be recomputed (the email is not stored); they stay under the old index, which no lookup computes once the rotation
 * ends, and age out with the lockout window.
 */
@Component
class AccountEmailIndexes implements BlindIndexedRows {

    private static final UUID FIRST = new UUID(0, 0);

    private final AccountRepository accounts;
    private final AccountSealing sealing;

    AccountEmailIndexes(AccountRepository accounts, AccountSealing sealing) {
        this.accounts = accounts;
        this.sealing = sealing;
    }

    @Override
    public String module() {
        return "identity";
    }

    @Override
    public Optional<String> reindex(String after, int limit) {
        var batch = accounts.lockBatchAfter(after == null ? FIRST : UUID.fromString(after), limit);
        for (var stored : batch) {
            var email = sealing.open(stored).email();
            if (email == null) {
                continue; // an erased person's account: nothing left to find it by
            }
            var index = sealing.emailIndex(email);
            if (!Arrays.equals(index, stored.emailIndex())) {
                accounts.moveEmailIndex(stored.id(), stored.emailIndex(), index);
            }
        }
        return batch.isEmpty() ? Optional.empty() : Optional.of(batch.getLast().id().toString());
    }
}
