package io.edumatrix.platform.testing;

import io.edumatrix.EduMatrixApplication;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The application running in a JVM of its own, on the test class path, serving HTTP on a free port. Its output goes to
 * a log file in the build folder, which every failure here names.
 */
public final class ApplicationProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int port;
    private final Path log;

    private ApplicationProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the application with the given command-line arguments and waits until its health is UP. */
    public static ApplicationProcess start(String logName, String... arguments) throws IOException, InterruptedException {
        return start(logName, List.of(), arguments);
    }

    /** The same, with options for the JVM (system properties such as {@code -Dspring.aot.enabled=true}). */
    public static ApplicationProcess start(String logName, List<String> jvmOptions, String... arguments)
            throws IOException, InterruptedException {
        var application = launch(logName, jvmOptions, arguments);
        try {
            application.awaitHealthy();
        } catch (RuntimeException | Error | InterruptedException e) {
            application.close();
            throw e;
        }
        return application;
    }

    /** Starts the application and returns at once, for a test that expects it to stop by itself. */
    public static ApplicationProcess launch(String logName, List<String> jvmOptions, String... arguments) throws IOException {
        int port = freePort();
        var command = new ArrayList<>(List.of(java(), "-XX:TieredStopAtLevel=1", "-Xmx384m"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classPath(), EduMatrixApplication.class.getName(), "--server.port=" + port));
        command.addAll(List.of(arguments));
        var log = logFolder().resolve(logName + ".log");
        var process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new ApplicationProcess(process, port, log);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    /**
     * SIGKILL: no shutdown hook, no graceful shutdown, nothing flushed.
     *
     * @return the exit code, 137 (128 + 9) when the signal killed the JVM
     */
    public int kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("Process " + process.pid() + " still runs 30 s after SIGKILL");
        }
        return process.exitValue();
    }

    /** SIGTERM, as an orchestrator stops a container: returns at once, the JVM runs its shutdown meanwhile. */
    public void terminate() {
        process.destroy();
    }

    /** The exit code, once the process has exited within {@code timeout}. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("Process " + process.pid() + " still runs " + timeout + " later; see " + log
                    + ":\n" + tail());
        }
        return process.exitValue();
    }

    public boolean alive() {
        return process.toHandle().isAlive();
    }

    /** Stops the process, gracefully first, then forcibly. Safe to call more than once. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(20, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void awaitHealthy() throws InterruptedException {
        var deadline = Instant.now().plus(START_TIMEOUT);
        var health = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health")).timeout(Duration.ofSeconds(2)).build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("The application exited with " + process.exitValue() + " during start-up; see "
                        + log + ":\n" + tail());
            }
            try {
                var response = HTTP.send(health, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"status\":\"UP\"")) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            }
            Thread.sleep(200);
        }
        throw new AssertionError("The application was not UP within " + START_TIMEOUT + "; see " + log + ":\n" + tail());
    }

    public String tail() {
        try {
            var lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    private static String java() {
        var home = System.getenv("JAVA_HOME");
        if (home == null || home.isBlank()) {
            home = System.getProperty("java.home");
        }
        return Path.of(home, "bin", "java").toString();
    }

    private static String classPath() {
        var surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    /** {@code <build dir>/application-processes}, next to the test classes. */
    private static Path logFolder() throws IOException {
        try {
            var testClasses = Path.of(ApplicationProcess.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.createDirectories(testClasses.resolveSibling("application-processes"));
        } catch (java.net.URISyntaxException e) {
            throw new IOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
