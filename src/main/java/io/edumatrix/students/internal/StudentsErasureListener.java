package io.edumatrix.students.internal;

import io.edumatrix.platform.events.ModuleListener;
import io.edumatrix.platform.privacy.ErasureRequested;
import io.edumatrix.platform.privacy.PersonalDataErasure;
import org.springframework.stereotype.Component;

/** Erases a person's students data in every institution and confirms it, in one students transaction. */
@Component
class StudentsErasureListener {

    private final PersonalDataErasure erasure;

    StudentsErasureListener(PersonalDataErasure erasure) {
        this.erasure = erasure;
    }

    @ModuleListener("students")
    void on(ErasureRequested event) {
        erasure.eraseAndConfirm("students", event);
    }
}
