package io.edumatrix.platform.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL cluster of one test's own, on a port of its own, made with the server's {@code initdb} and stopped and
 * deleted on close: a second server for a module placed or moved elsewhere. PostgreSQL refuses to run as root, so
 * as root the commands run as {@code postgres} ({@code runuser}). Trust authentication on 127.0.0.1, superuser
 * {@code postgres}.
 */
public final class ThrowawayCluster implements AutoCloseable {

    /** {@code PG_BIN}, or the newest server Debian's packages installed. */
    private static final Path BIN = bin();

    private final int port;
    private final Path directory;

    private ThrowawayCluster(int port, Path directory) {
        this.port = port;
        this.directory = directory;
    }

    /** @param walLevel {@code logical} for a server a module may be moved from or to */
    public static ThrowawayCluster start(int port, String walLevel) throws IOException, InterruptedException {
        var directory = Files.createTempDirectory("edumatrix-cluster-" + port + "-");
        var cluster = new ThrowawayCluster(port, directory);
        cluster.run("chown", "postgres", directory.toString());
        var data = directory.resolve("data").toString();
        cluster.asPostgres(BIN.resolve("initdb").toString(), "-D", data, "-U", "postgres", "-A", "trust", "--no-sync");
        var conf = String.join("\n", "port = " + port, "listen_addresses = '127.0.0.1'",
                "unix_socket_directories = '" + directory + "'", "wal_level = " + walLevel, "max_connections = 120",
                "fsync = off", "synchronous_commit = off", "full_page_writes = off", "shared_buffers = 32MB", "");
        cluster.asPostgres("sh", "-c", "printf '%s' \"$0\" >> " + data + "/postgresql.conf", conf);
        cluster.asPostgres(BIN.resolve("pg_ctl").toString(), "-D", data, "-l", directory.resolve("log").toString(),
                "-w", "-t", "60", "start");
        return cluster;
    }

    private static Path bin() {
        var configured = System.getenv("PG_BIN");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.filter(v -> Files.isExecutable(v.resolve("bin/initdb")))
                    .max(java.util.Comparator.comparing(v -> Integer.parseInt(v.getFileName().toString().replaceAll("\\D", "0"))))
                    .map(v -> v.resolve("bin")).orElse(Path.of("/usr/lib/postgresql/15/bin"));
        } catch (IOException e) {
            return Path.of("/usr/lib/postgresql/15/bin");
        }
    }

    public int port() {
        return port;
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, "postgres", "");
    }

    public void execute(String database, String... sql) throws SQLException {
        try (var connection = connect(database); var statement = connection.createStatement()) {
            for (var each : sql) {
                statement.execute(each);
            }
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        asPostgres(BIN.resolve("pg_ctl").toString(), "-D", directory.resolve("data").toString(), "-m", "immediate", "stop");
        run("rm", "-rf", directory.toString());
    }

    private void asPostgres(String... command) throws IOException, InterruptedException {
        var full = new ArrayList<String>();
        if ("root".equals(System.getProperty("user.name"))) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(List.of(command));
        run(full.toArray(String[]::new));
    }

    private void run(String... command) throws IOException, InterruptedException {
        var process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(directory.resolve("commands.log").toFile().exists()
                        ? ProcessBuilder.Redirect.appendTo(directory.resolve("commands.log").toFile())
                        : ProcessBuilder.Redirect.to(directory.resolve("commands.log").toFile()))
                .start();
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " failed; see " + directory.resolve("commands.log"));
        }
    }
}
