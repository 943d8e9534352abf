package io.edumatrix.courses.internal;

import io.edumatrix.courses.EnrollmentCreated;
import io.edumatrix.platform.events.ModuleListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Test-only: a listener to {@link EnrollmentCreated}, which no module consumes yet, so that its publications are written
 * and delivered. Registered only by tests annotated {@link WithProbeListeners}.
 */
class EnrollmentCreatedRecorder {

    static final String ID = EnrollmentCreatedRecorder.class.getName() + ".on(" + EnrollmentCreated.class.getName() + ")";

    private final List<EnrollmentCreated> received = new CopyOnWriteArrayList<>();

    List<EnrollmentCreated> received() {
        return List.copyOf(received);
    }

    @ModuleListener("courses")
    void on(EnrollmentCreated event) {
        received.add(event);
    }
}
