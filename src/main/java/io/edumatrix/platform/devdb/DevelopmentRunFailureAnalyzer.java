package io.edumatrix.platform.devdb;

import io.edumatrix.platform.devdb.EmbeddedPostgresServer.EmbeddedPostgresException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/** Turns a failure of the development run into Boot's short "APPLICATION FAILED TO START" report. */
class DevelopmentRunFailureAnalyzer implements FailureAnalyzer {

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (var cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DevelopmentRunException run) {
                return new FailureAnalysis(run.getMessage(), run.action(), run);
            }
            if (cause instanceof EmbeddedPostgresException embedded) {
                return new FailureAnalysis("The development run's embedded PostgreSQL did not start.",
                        embedded.getMessage(), embedded);
            }
        }
        return null;
    }
}
