package io.edumatrix.platform.data;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a {@link ModuleStartupException} into Boot's short "APPLICATION FAILED TO START" report. */
class ModuleStartupFailureAnalyzer extends AbstractFailureAnalyzer<ModuleStartupException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ModuleStartupException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
