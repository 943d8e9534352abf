package io.edumatrix.news.internal;

import io.edumatrix.platform.events.ModuleListener;
import io.edumatrix.platform.privacy.ErasureRequested;
import io.edumatrix.platform.privacy.PersonalDataErasure;
import org.springframework.stereotype.Component;

/** Erases a person's news data in every institution and confirms it, in one news transaction. */
@Component
class NewsErasureListener {

    private final PersonalDataErasure erasure;

    NewsErasureListener(PersonalDataErasure erasure) {
        this.erasure = erasure;
    }

    @ModuleListener("news")
    void on(ErasureRequested event) {
        erasure.eraseAndConfirm("news", event);
    }
}
