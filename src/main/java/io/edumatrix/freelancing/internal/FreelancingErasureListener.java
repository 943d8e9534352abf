package io.edumatrix.freelancing.internal;

import io.edumatrix.platform.events.ModuleListener;
import io.edumatrix.platform.privacy.ErasureRequested;
import io.edumatrix.platform.privacy.PersonalDataErasure;
import org.springframework.stereotype.Component;

/** Erases a person's freelancing data in every institution and confirms it, in one freelancing transaction. */
@Component
class FreelancingErasureListener {

    private final PersonalDataErasure erasure;

    FreelancingErasureListener(PersonalDataErasure erasure) {
        this.erasure = erasure;
    }

    @ModuleListener("freelancing")
    void on(ErasureRequested event) {
        erasure.eraseAndConfirm("freelancing", event);
    }
}
