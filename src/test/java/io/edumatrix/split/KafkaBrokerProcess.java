package io.edumatrix.split;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.util.FileSystemUtils;

/**
 * A real single-node Kafka broker started by {@code ops/kafka/run.sh}, as an operator starts it, with its log on disk:
 * stopped with SIGTERM and started again on the same port and data, which the embedded test broker cannot do (it binds
 * a new port each time).
 */
final class KafkaBrokerProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final int port;
    private final int controllerPort;
    private final Path data;
    private final Path log;
    private Process process;

    KafkaBrokerProcess(int port, int controllerPort) throws IOException {
        this.port = port;
        this.controllerPort = controllerPort;
        this.data = Files.createTempDirectory("edumatrix-kafka-");
        this.log = Path.of("target", "kafka-" + port + ".log");
        start();
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    void start() throws IOException {
        var builder = new ProcessBuilder("bash", "ops/kafka/run.sh").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("KAFKA_PORT", Integer.toString(port));
        builder.environment().put("KAFKA_CONTROLLER_PORT", Integer.toString(controllerPort));
        builder.environment().put("KAFKA_DATA", data.toString());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        process = builder.start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!listening()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("The broker did not start listening on " + port + "; see " + log);
            }
            sleep(200);
        }
    }

    /** SIGTERM, and wait for the clean shutdown. */
    void stop() throws InterruptedException {
        process.toHandle().descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        while (listening()) {
            sleep(100);
        }
    }

    private boolean listening() {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops the broker and deletes its log: each test's broker is formatted anew in a folder of its own. */
    @Override
    public void close() throws InterruptedException, IOException {
        stop();
        FileSystemUtils.deleteRecursively(data);
    }
}
