package io.edumatrix.notifications.internal;

import io.edumatrix.platform.Ids;
import io.edumatrix.platform.Times;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Which categories an account receives in the bound institution: all but the ones it switched off. */
@Service
@Transactional("notifications")
class PreferenceService {

    private final MutedCategoryRepository muted;

    PreferenceService(MutedCategoryRepository muted) {
        this.muted = muted;
    }

    @Transactional(value = "notifications", readOnly = true)
    Map<Category, Boolean> of(UUID accountId) {
        return Category.preferences(muted.mutedBy(accountId));
    }

    /** Categories left out of {@code changes} stay as they were. */
    Map<Category, Boolean> change(UUID institutionId, UUID accountId, Map<Category, Boolean> changes) {
        changes.forEach((category, on) -> {
            if (on) {
                muted.unmute(accountId, category.name());
            } else {
                muted.mute(Ids.next(), institutionId, accountId, category.name(), Times.now());
            }
        });
        return of(accountId);
    }
}
