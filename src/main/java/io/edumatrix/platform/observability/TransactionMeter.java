package io.edumatrix.platform.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;

/**
 * {@code edumatrix.transactions}: how long each of a module's transactions ran, from begin to the end of its commit
 * or rollback, tagged with how it ended. The timer's count is the number of transactions, and its
 * {@code outcome="rollback"} share the rollbacks.
 */
final class TransactionMeter implements TransactionExecutionListener {

    static final String NAME = "edumatrix.transactions";

    private final Map<TransactionExecution, Timer.Sample> running = new ConcurrentHashMap<>();
    private final Timer committed;
    private final Timer rolledBack;
    private final Timer failed;
    private final MeterRegistry registry;

    TransactionMeter(String module, MeterRegistry registry) {
        this.committed = timer(module, "commit", registry);
        this.rolledBack = timer(module, "rollback", registry);
        this.failed = timer(module, "failure", registry);
        this.registry = registry;
    }

    private static Timer timer(String module, String outcome, MeterRegistry registry) {
        return Timer.builder(NAME)
                .description("Transactions of a module, from begin to the end of their commit or rollback")
                .tag("module", module)
                .tag("outcome", outcome)
                .register(registry);
    }

    @Override
    public void afterBegin(TransactionExecution transaction, @Nullable Throwable beginFailure) {
        if (beginFailure == null) {
            running.put(transaction, Timer.start(registry));
        }
    }

    @Override
    public void afterCommit(TransactionExecution transaction, @Nullable Throwable commitFailure) {
        end(transaction, commitFailure == null ? committed : failed);
    }

    @Override
    public void afterRollback(TransactionExecution transaction, @Nullable Throwable rollbackFailure) {
        end(transaction, rollbackFailure == null ? rolledBack : failed);
    }

    private void end(TransactionExecution transaction, Timer timer) {
        var sample = running.remove(transaction);
        if (sample != null) {
            sample.stop(timer);
        }
    }
}
