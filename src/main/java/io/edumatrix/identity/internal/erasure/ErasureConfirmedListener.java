package io.edumatrix.identity.internal.erasure;

import io.edumatrix.platform.events.ModuleListener;
import io.edumatrix.platform.privacy.ErasureConfirmed;
import org.springframework.stereotype.Component;

/** Records a module's confirmation on its erasure request; the last one completes the request. */
@Component
class ErasureConfirmedListener {

    private final ErasureRequests requests;

    ErasureConfirmedListener(ErasureRequests requests) {
        this.requests = requests;
    }

    @ModuleListener("identity")
    void on(ErasureConfirmed event) {
        requests.confirm(event.requestId(), event.module());
    }
}
