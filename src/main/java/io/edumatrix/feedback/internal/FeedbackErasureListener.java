package io.edumatrix.feedback.internal;

import io.edumatrix.platform.events.ModuleListener;
import io.edumatrix.platform.privacy.ErasureRequested;
import io.edumatrix.platform.privacy.PersonalDataErasure;
import org.springframework.stereotype.Component;

/** Erases a person's feedback in every institution and confirms it, in one feedback transaction. */
@Component
class FeedbackErasureListener {

    private final PersonalDataErasure erasure;

    FeedbackErasureListener(PersonalDataErasure erasure) {
        this.erasure = erasure;
    }

    @ModuleListener("feedback")
    void on(ErasureRequested event) {
        erasure.eraseAndConfirm("feedback", event);
    }
}
