package io.edumatrix.identity.internal;

import io.edumatrix.platform.events.ModuleListener;
import io.edumatrix.platform.privacy.ErasureRequested;
import io.edumatrix.platform.privacy.PersonalDataErasure;
import org.springframework.stereotype.Component;

/** Erases identity's part of a person (their account last) and confirms it, in one identity transaction. */
@Component
class IdentityErasureListener {

    private final PersonalDataErasure erasure;

    IdentityErasureListener(PersonalDataErasure erasure) {
        this.erasure = erasure;
    }

    @ModuleListener("identity")
    void on(ErasureRequested event) {
        erasure.eraseAndConfirm("identity", event);
    }
}
