package io.edumatrix.statistics.internal;

import io.edumatrix.platform.events.ModuleListener;
import io.edumatrix.platform.privacy.ErasureRequested;
import io.edumatrix.platform.privacy.PersonalDataErasure;
import org.springframework.stereotype.Component;

/** Erases a person's statistics rows in every institution and confirms it, in one statistics transaction. */
@Component
class StatisticsErasureListener {

    private final PersonalDataErasure erasure;

    StatisticsErasureListener(PersonalDataErasure erasure) {
        this.erasure = erasure;
    }

    @ModuleListener("statistics")
    void on(ErasureRequested event) {
        erasure.eraseAndConfirm("statistics", event);
    }
}
