package io.edumatrix.community.internal;

import io.edumatrix.platform.events.ModuleListener;
import io.edumatrix.platform.privacy.ErasureRequested;
import io.edumatrix.platform.privacy.PersonalDataErasure;
import org.springframework.stereotype.Component;

/** Erases a person's community data in every institution and confirms it, in one community transaction. */
@Component
class CommunityErasureListener {

    private final PersonalDataErasure erasure;

    CommunityErasureListener(PersonalDataErasure erasure) {
        this.erasure = erasure;
    }

    @ModuleListener("community")
    void on(ErasureRequested event) {
        erasure.eraseAndConfirm("community", event);
    }
}
