package io.edumatrix.platform.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL cluster of a test's own, in a temporary folder, on a port the test chooses, run as {@code postgres}
 * (PostgreSQL refuses root) with PostgreSQL 15's server programs. The test reaches it with {@link #psql} over its Unix
 * socket as {@code postgres}, whatever its {@code pg_hba.conf} asks of TCP clients. {@link #close} stops it and removes
 * the folder.
 */
public final class ThrowawayCluster implements AutoCloseable {

    private static final Path BIN = Path.of(System.getenv().getOrDefault("EDUMATRIX_PG_SERVER_BIN",
            "/usr/lib/postgresql/15/bin"));

    private final Path folder;
    private final Path data;
    private final int port;

    private ThrowawayCluster(Path folder, int port) {
        this.folder = folder;
        this.data = folder.resolve("data");
        this.port = port;
    }

    /** A new, stopped cluster: initdb with trust for local connections. */
    public static ThrowawayCluster create(String name, int port) throws IOException {
        var cluster = new ThrowawayCluster(newFolder(name), port);
        cluster.asPostgres(BIN.resolve("initdb").toString(), "-D", cluster.data.toString(), "-U", "postgres",
                "-A", "trust", "-E", "UTF8", "--no-instructions");
        cluster.configure("port = " + port, "listen_addresses = 'localhost'",
                "unix_socket_directories = '" + cluster.folder + "'", "max_connections = 100", "fsync = off",
                "wal_level = replica", "max_wal_senders = 4", "hot_standby = on");
        return cluster;
    }

    /**
     * A new cluster, started: a second server for a module placed or moved elsewhere.
     *
     * @param walLevel {@code logical} for a server a module may be moved from or to
     */
    public static ThrowawayCluster start(int port, String walLevel) throws IOException {
        var cluster = create("cluster-" + port, port);
        cluster.configure("listen_addresses = '127.0.0.1'", "wal_level = " + walLevel, "max_connections = 120",
                "synchronous_commit = off", "full_page_writes = off", "shared_buffers = 32MB");
        cluster.start();
        return cluster;
    }

    /**
     * A streaming standby of {@code primary} ({@code pg_basebackup -R}), stopped, on its own port. The backup starts
     * with an immediate checkpoint: pg_basebackup's default, a spread one, waited minutes for nothing on a cluster
     * this small (0.9 of {@code checkpoint_timeout}).
     */
    public static ThrowawayCluster standbyOf(ThrowawayCluster primary, String name, int port) throws IOException {
        var standby = new ThrowawayCluster(newFolder(name), port);
        standby.asPostgres(BIN.resolve("pg_basebackup").toString(), "-h", primary.folder.toString(), "-p",
                Integer.toString(primary.port), "-U", "postgres", "-D", standby.data.toString(), "-R", "-X", "stream",
                "--checkpoint=fast");
        standby.configure("port = " + port, "unix_socket_directories = '" + standby.folder + "'");
        return standby;
    }

    private static Path newFolder(String name) throws IOException {
        var folder = Files.createTempDirectory("edumatrix-" + name + "-");
        run(List.of("chown", "postgres:postgres", folder.toString()));
        return folder;
    }

    public int port() {
        return port;
    }

    /** The cluster's folder, owned by postgres, for files it needs (certificates). */
    public Path folder() {
        return folder;
    }

    /** Appends settings to postgresql.conf; later lines win. */
    public void configure(String... lines) throws IOException {
        Files.writeString(data.resolve("postgresql.conf"), String.join("\n", lines) + "\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
    }

    /** Replaces pg_hba.conf; a line letting postgres in over the Unix socket comes first. */
    public void hba(String... lines) throws IOException {
        Files.writeString(data.resolve("pg_hba.conf"), "local all postgres trust\nlocal replication postgres trust\n"
                + String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    public void start() throws IOException {
        asPostgres(BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", folder.resolve("postgres.log").toString(),
                "-w", "-t", "120", "start");
    }

    public void stop() throws IOException {
        asPostgres(BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "stop");
    }

    /** Stops the server as a crash would ({@code pg_ctl -m immediate}): no checkpoint, sessions cut. */
    public void crash() throws IOException {
        asPostgres(BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop");
    }

    public boolean running() {
        return Files.exists(data.resolve("postmaster.pid"));
    }

    /** The single value, or the rows as lines of '|'-separated columns, that {@code sql} answers, as postgres. */
    public String psql(String database, String sql) throws IOException {
        return run(List.of("psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-h", folder.toString(), "-p",
                Integer.toString(port), "-U", "postgres", "-d", database, "-c", sql)).strip();
    }

    /** A connection as postgres over TCP (trust on 127.0.0.1). */
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

    /** The server's log so far, for failure messages. */
    public String log() {
        try {
            return Files.readString(folder.resolve("postgres.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws IOException {
        if (running()) {
            asPostgres(BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop");
        }
        run(List.of("rm", "-rf", folder.toString()));
    }

    private void asPostgres(String... command) throws IOException {
        var full = new ArrayList<String>();
        if (!"postgres".equals(System.getProperty("user.name"))) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(List.of(command));
        run(full);
    }

    /** Runs a command; its output, or a failure that quotes it. */
    public static String run(List<String> command) throws IOException {
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(180, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + output);
            }
            return output;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted: " + command, e);
        }
    }
}
