package io.edumatrix.platform.observability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@code ops/prometheus/promtool}, which fetches Debian's promtool into a cache folder on first use. */
final class Promtool {

    record Result(int exitCode, String output) {}

    static final Path OPS = Path.of("ops", "prometheus");

    private Promtool() {}

    static Result run(String stdin, String... arguments) throws IOException, InterruptedException {
        var command = new ArrayList<>(List.of("bash", OPS.resolve("promtool").toString()));
        command.addAll(List.of(arguments));
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (var input = process.getOutputStream()) {
            input.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("promtool " + arguments[0] + " did not finish in 5 minutes");
        }
        return new Result(process.exitValue(), output);
    }
}
