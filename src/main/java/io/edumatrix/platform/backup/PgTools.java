package io.edumatrix.platform.backup;

import io.edumatrix.platform.data.EduMatrixProperties;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import io.edumatrix.platform.data.ConnectionSettings;

/**
 * PostgreSQL's own client programs ({@code pg_dump}, {@code pg_restore}, {@code psql}), from {@code PATH} or the
 * folder {@code EDUMATRIX_PG_BIN} names. A program that fails stops the backup or restore with its own message.
 */
final class PgTools {

    private final EduMatrixProperties.Database database;
    private final String bin;

    PgTools(EduMatrixProperties.Database database, String bin) {
        this.database = database;
        this.bin = bin == null ? "" : bin;
    }

    /** Runs {@code program} connected as {@code user}; {@code arguments} follow the connection options. */
    void run(String program, String user, String password, String... arguments) throws IOException {
        var command = new ArrayList<>(List.of(bin.isBlank() ? program : Path.of(bin, program).toString(),
                "-h", database.host(), "-p", Integer.toString(database.port()), "-U", user));
        command.addAll(List.of(arguments));
        exec(command, password, new ConnectionSettings(database).libpqEnvironment(user));
    }

    /** Runs {@code program} without a connection (pg_restore writing SQL). */
    void offline(String program, String... arguments) throws IOException {
        var command = new ArrayList<>(List.of(bin.isBlank() ? program : Path.of(bin, program).toString()));
        command.addAll(List.of(arguments));
        exec(command, "", Map.of());
    }

    private static void exec(List<String> command, String password, Map<String, String> tls) throws IOException {
        var errors = Files.createTempFile("edumatrix-pg-", ".log");
        try {
            var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(errors.toFile());
            builder.environment().put("PGPASSWORD", password == null ? "" : password);
            builder.environment().put("PGCONNECT_TIMEOUT", "10");
            // The same TLS settings as pgjdbc's; libpq wants the key as PEM, readable by its owner only.
            builder.environment().putAll(tls);
            var process = builder.start();
            if (process.waitFor() != 0) {
                var output = Files.readString(errors, StandardCharsets.UTF_8).strip();
                throw new BackupRefusedException(command.getFirst() + " failed (exit " + process.exitValue() + "): "
                        + lastLines(output));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while running " + command.getFirst(), e);
        } finally {
            Files.deleteIfExists(errors);
        }
    }

    /** The error is what a failing psql or pg_restore prints last; what it printed before is context. */
    private static String lastLines(String output) {
        var lines = output.lines().filter(line -> !line.isBlank()).toList();
        return lines.isEmpty() ? "no output" : String.join(" / ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    }
}
