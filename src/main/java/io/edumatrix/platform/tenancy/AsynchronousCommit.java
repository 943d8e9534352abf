package io.edumatrix.platform.tenancy;

import java.util.function.Supplier;

/**
 * Statements whose loss in a crash costs nothing but a repetition, committed without waiting for their WAL flush
 * (PostgreSQL's {@code synchronous_commit = off}, for their own transactions only). Such a commit is visible at once and
 * atomic as ever; only the last few hundred milliseconds of them can be lost if the server crashes, never half of one,
 * and never a synchronous commit made after them, which flushes the WAL before it. For the outbox's bookkeeping, whose
 * loss means one more delivery to an idempotent listener.
 *
 * <p>Applies to statements run in auto-commit on a module's connection (each its own transaction): a transaction that
 * the work begins explicitly commits as the server is configured.
 */
public final class AsynchronousCommit {

    private static final ScopedValue<Boolean> REQUESTED = ScopedValue.newInstance();

    private AsynchronousCommit() {}

    /** Runs {@code work} so that the statements it runs in auto-commit commit asynchronously. */
    public static <T> T run(Supplier<T> work) {
        return ScopedValue.where(REQUESTED, Boolean.TRUE).call(work::get);
    }

    static boolean requested() {
        return REQUESTED.orElse(Boolean.FALSE);
    }
}
