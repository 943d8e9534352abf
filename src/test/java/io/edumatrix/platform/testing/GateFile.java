package io.edumatrix.platform.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file a crash test creates to let held probes go on: a probe listener inside the application process waits until
 * the file exists, so the test can kill or stop the process while the probe's delivery is pending.
 */
public final class GateFile {

    private GateFile() {}

    /** Returns once the gate exists. */
    public static void awaitOpen(Path gate) {
        while (!Files.exists(gate)) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + gate, e);
            }
        }
    }
}
