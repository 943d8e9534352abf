package io.edumatrix.platform.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * PgBouncer (Debian's package, 1.18) in front of a {@link ThrowawayCluster}, run as {@code postgres} (it refuses root),
 * daemonised with a pid file in the cluster's folder; one pool per (database, role), trusting the roles listed.
 */
public final class ThrowawayPgBouncer implements AutoCloseable {

    private final Path folder;
    private final int port;

    private ThrowawayPgBouncer(Path folder, int port) {
        this.folder = folder;
        this.port = port;
    }

    /**
     * Starts PgBouncer on {@code port} for the cluster's database {@code edumatrix}.
     *
     * @param mode {@code transaction} or {@code session}
     * @param poolSize server connections per module role
     */
    public static ThrowawayPgBouncer start(ThrowawayCluster cluster, int port, String mode, int poolSize,
            List<String> roles) throws IOException {
        var folder = Files.createDirectories(cluster.folder().resolve("pgbouncer-" + port));
        Files.writeString(folder.resolve("userlist.txt"), roles.stream().map(role -> "\"" + role + "\" \"\"")
                .collect(Collectors.joining("\n", "", "\n")) + "\"postgres\" \"\"\n", StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("pgbouncer.ini"), String.join("\n",
                "[databases]",
                "edumatrix = host=127.0.0.1 port=" + cluster.port() + " dbname=edumatrix",
                "[pgbouncer]",
                "listen_addr = 127.0.0.1",
                "listen_port = " + port,
                "unix_socket_dir = " + folder,
                "auth_type = trust",
                "auth_file = " + folder.resolve("userlist.txt"),
                "admin_users = postgres",
                "pool_mode = " + mode,
                "default_pool_size = " + poolSize,
                "max_client_conn = 2000",
                // pgjdbc sends extra_float_digits at start-up, which PgBouncer does not track.
                "ignore_startup_parameters = extra_float_digits",
                "logfile = " + folder.resolve("pgbouncer.log"),
                "pidfile = " + folder.resolve("pgbouncer.pid"), ""), StandardCharsets.UTF_8);
        ThrowawayCluster.run(List.of("chown", "-R", "postgres:postgres", folder.toString()));
        ThrowawayCluster.run(List.of("runuser", "-u", "postgres", "--", "pgbouncer", "-d",
                folder.resolve("pgbouncer.ini").toString()));
        return new ThrowawayPgBouncer(folder, port);
    }

    public int port() {
        return port;
    }

    /** {@code SHOW <what>} on the admin console, rows as '|'-separated lines. */
    public String show(String what) throws IOException {
        return ThrowawayCluster.run(List.of("psql", "-X", "-At", "-h", "127.0.0.1", "-p", Integer.toString(port),
                "-U", "postgres", "-d", "pgbouncer", "-c", "SHOW " + what)).strip();
    }

    @Override
    public void close() throws IOException {
        var pid = folder.resolve("pgbouncer.pid");
        if (Files.exists(pid)) {
            var process = ProcessHandle.of(Long.parseLong(Files.readString(pid).strip()));
            process.ifPresent(ProcessHandle::destroy);
            process.ifPresent(p -> p.onExit().join());
        }
    }
}
