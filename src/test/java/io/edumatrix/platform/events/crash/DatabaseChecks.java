package io.edumatrix.platform.events.crash;

import io.edumatrix.platform.testing.ApplicationProcess;
import io.edumatrix.platform.data.FreshDatabase;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** What the crash tests read from the database as its admin, while application processes come and go. */
final class DatabaseChecks {

    interface Condition {
        boolean holds() throws SQLException;
    }

    private DatabaseChecks() {}

    /** The single number a {@code SELECT count(*) …} answers. */
    static long count(FreshDatabase database, String sql, Object... parameters) throws SQLException {
        try (var admin = database.connectAsAdmin(); var query = admin.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** Polls until {@code condition} holds; past {@code timeout} fails with {@code diagnostics} (process logs). */
    static void await(String what, Duration timeout, Condition condition, Callable<String> diagnostics)
            throws Exception {
        var deadline = Instant.now().plus(timeout);
        while (!condition.holds()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Not within " + timeout + ": " + what + "\n" + diagnostics.call());
            }
            Thread.sleep(100);
        }
    }

    /** Every process's log name and tail, for a failure message. */
    static String logsOf(List<ApplicationProcess> processes) {
        return processes.stream().map(p -> p.log() + ":\n" + p.tail()).collect(Collectors.joining("\n"));
    }
}
