package io.edumatrix.platform.tenancy;

/**
 * One attempt at a unit of work that may be repeated if it fails: it notes whether any module transaction committed
 * while it ran. A failed attempt during which nothing committed left no trace in any module's database, so running it
 * again cannot do anything twice; one during which something committed (a transaction of another module, or one that
 * required a new transaction) may not be repeated (ADR 0024).
 */
public final class TransactionAttempt {

    private static final ScopedValue<TransactionAttempt> CURRENT = ScopedValue.newInstance();

    private boolean committed;
    private boolean wrote;

    public TransactionAttempt() {}

    /** Runs the work as this attempt: commits on this thread meanwhile are noted in it. */
    public <T, X extends Throwable> T run(ScopedValue.CallableOp<T, X> work) throws X {
        return ScopedValue.where(CURRENT, this).call(work);
    }

    /** Whether a module transaction committed during the attempt. */
    public boolean committed() {
        return committed;
    }

    /** Whether a transaction that is not read-only began during the attempt. */
    public boolean wrote() {
        return wrote;
    }

    /** Whether this thread runs inside an attempt that an outer caller owns (and repeats, if anyone does). */
    public static boolean open() {
        return CURRENT.isBound();
    }

    /** Called by the module transaction managers when a transaction that may write begins. */
    static void recordWrite() {
        if (CURRENT.isBound()) {
            CURRENT.get().wrote = true;
        }
    }

    /** Called by the module transaction managers once a commit succeeded. */
    static void recordCommit() {
        if (CURRENT.isBound()) {
            CURRENT.get().committed = true;
        }
    }
}
