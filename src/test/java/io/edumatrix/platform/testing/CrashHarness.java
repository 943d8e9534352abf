package io.edumatrix.platform.testing;

import io.edumatrix.platform.data.ApplicationLaunch;
import io.edumatrix.platform.data.FreshDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * What a process-level crash test stands on: a database of its own, a {@link GateFile} that holds the test's probes
 * until the test opens it, and the application processes it starts there, killed, stopped or restarted by the test
 * and read back through the database as its admin. Closing stops the processes and drops the database and the gate; a
 * test holds it in a field marked {@code @AutoClose}, so that JUnit closes it after each test, failed or not.
 */
public final class CrashHarness implements AutoCloseable {

    /** A fact about the database that a test waits for. */
    public interface Condition {
        boolean holds() throws SQLException;
    }

    private final String testName;
    private final FreshDatabase database;
    private final Path gateFolder;
    private final List<ApplicationProcess> processes = new ArrayList<>();

    private CrashHarness(String testName, FreshDatabase database, Path gateFolder) {
        this.testName = testName;
        this.database = database;
        this.gateFolder = gateFolder;
    }

    /** A harness for the test class; unchecked, so that a field's initializer can create it. */
    public static CrashHarness create(Class<?> test) {
        try {
            var database = FreshDatabase.create();
            try {
                return new CrashHarness(test.getSimpleName(), database, Files.createTempDirectory("crash-gate"));
            } catch (IOException e) {
                database.close();
                throw new UncheckedIOException(e);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the crash test's database", e);
        }
    }

    /** The gate file's path, which the probes are given; it exists once {@link #openGate()} ran. */
    public Path gate() {
        return gateFolder.resolve("open");
    }

    public void openGate() throws IOException {
        Files.createFile(gate());
    }

    /**
     * Starts the application on the harness's database and waits until it is healthy; {@code settings} adds to the
     * launch (profiles, the gate's setting, pool sizes). Its log is named after the test and {@code name}.
     */
    public ApplicationProcess start(String name, UnaryOperator<ApplicationLaunch> settings)
            throws IOException, InterruptedException {
        var process = ApplicationProcess.start(testName + (name.isEmpty() ? "" : "-" + name),
                settings.apply(database.launch()).arguments());
        processes.add(process);
        return process;
    }

    /** The launch settings of the harness's database, for an in-process start (such as a start that must be refused). */
    public ApplicationLaunch launch() {
        return database.launch();
    }

    public Connection connectAsAdmin() throws SQLException {
        return database.connectAsAdmin();
    }

    /** The single number a {@code SELECT count(*) …} answers. */
    public long count(String sql, Object... parameters) throws SQLException {
        try (var admin = database.connectAsAdmin()) {
            return Sql.count(admin, sql, parameters);
        }
    }

    /** Polls until {@code condition} holds; past {@code timeout} fails with the processes' logs. */
    public void await(String what, Duration timeout, Condition condition) throws Exception {
        await(what, timeout, condition, () -> "");
    }

    /** The same, the failure saying {@code diagnostics} (the state the test looks at) before the logs. */
    public void await(String what, Duration timeout, Condition condition, Callable<String> diagnostics)
            throws Exception {
        try {
            Awaitility.await(what).atMost(timeout).pollInterval(Duration.ofMillis(100)).until(condition::holds);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("Not within " + timeout + ": " + what + "\n" + diagnostics.call() + "\n" + logs(), e);
        }
    }

    /** Every process's log name and tail, for a failure message. */
    public String logs() {
        return processes.stream().map(p -> p.log() + ":\n" + p.tail()).collect(Collectors.joining("\n"));
    }

    @Override
    public void close() throws IOException, SQLException {
        processes.forEach(ApplicationProcess::close);
        Files.deleteIfExists(gate());
        Files.deleteIfExists(gateFolder);
        database.close();
    }
}
