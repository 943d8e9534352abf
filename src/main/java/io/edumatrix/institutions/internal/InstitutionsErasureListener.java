package io.edumatrix.institutions.internal;

import io.edumatrix.platform.events.ModuleListener;
import io.edumatrix.platform.privacy.ErasureRequested;
import io.edumatrix.platform.privacy.PersonalDataErasure;
import org.springframework.stereotype.Component;

/** Erases a person's memberships in every institution and confirms it, in one institutions transaction. */
@Component
class InstitutionsErasureListener {

    private final PersonalDataErasure erasure;

    InstitutionsErasureListener(PersonalDataErasure erasure) {
        this.erasure = erasure;
    }

    @ModuleListener("institutions")
    void on(ErasureRequested event) {
        erasure.eraseAndConfirm("institutions", event);
    }
}
