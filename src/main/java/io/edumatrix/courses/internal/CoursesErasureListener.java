package io.edumatrix.courses.internal;

import io.edumatrix.platform.events.ModuleListener;
import io.edumatrix.platform.privacy.ErasureRequested;
import io.edumatrix.platform.privacy.PersonalDataErasure;
import org.springframework.stereotype.Component;

/** Erases a person's enrollments in every institution and confirms it, in one courses transaction. */
@Component
class CoursesErasureListener {

    private final PersonalDataErasure erasure;

    CoursesErasureListener(PersonalDataErasure erasure) {
        this.erasure = erasure;
    }

    @ModuleListener("courses")
    void on(ErasureRequested event) {
        erasure.eraseAndConfirm("courses", event);
    }
}
