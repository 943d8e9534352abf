package io.edumatrix.courses.internal;

import io.edumatrix.institutions.InstitutionDeactivated;
import io.edumatrix.institutions.InstitutionSummary;
import io.edumatrix.institutions.InstitutionsApi;
import io.edumatrix.platform.events.ModuleListener;
import io.edumatrix.platform.testing.GateFile;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A second listener to {@link InstitutionDeactivated}, held by a gate file that the crash test controls, so the test can
 * kill the application while its deliveries are pending. For an institution whose code starts with {@code BEFORE} it
 * waits before its effect; for {@code AFTER} it commits its effect and then waits, so the publication is not completed
 * although the effect is. Only the application started with the {@code crash-probe} profile has it.
 */
@Component
@Profile("crash-probe")
class CrashProbeListener {

    static final String REASON = "crash-probe";

    private final EnrollmentClosureRepository closures;
    private final InstitutionsApi institutions;
    private final Path gate;

    CrashProbeListener(EnrollmentClosureRepository closures, InstitutionsApi institutions,
            @Value("${edumatrix.crash-probe.gate}") Path gate) {
        this.closures = closures;
        this.institutions = institutions;
        this.gate = gate;
    }

    @ModuleListener("courses")
    void on(InstitutionDeactivated event) {
        var code = institutions.findInstitution(event.institutionId()).map(InstitutionSummary::code).orElse("");
        if (code.startsWith("BEFORE")) {
            GateFile.awaitOpen(gate);
        }
        closures.save(EnrollmentClosure.of(event.institutionId(), REASON, 0));
        if (code.startsWith("AFTER")) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    GateFile.awaitOpen(gate);
                }
            });
        }
    }
}
