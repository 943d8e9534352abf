package io.edumatrix.jobs.internal;

import io.edumatrix.platform.events.ModuleListener;
import io.edumatrix.platform.privacy.ErasureRequested;
import io.edumatrix.platform.privacy.PersonalDataErasure;
import org.springframework.stereotype.Component;

/** Erases a person's jobs data in every institution and confirms it, in one jobs transaction. */
@Component
class JobsErasureListener {

    private final PersonalDataErasure erasure;

    JobsErasureListener(PersonalDataErasure erasure) {
        this.erasure = erasure;
    }

    @ModuleListener("jobs")
    void on(ErasureRequested event) {
        erasure.eraseAndConfirm("jobs", event);
    }
}
