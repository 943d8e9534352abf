package io.edumatrix.platform.events;

import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The application's default transaction manager, which holds no connection. Module data is only reachable through a
 * module's own manager; this one exists because Spring Modulith's registry and {@code Scenario} demarcate their own
 * transactions with the default manager, and all they need from it is transaction synchronization.
 */
class SynchronizationOnlyTransactionManager extends AbstractPlatformTransactionManager {

    /** Bound to the thread while a transaction of this manager runs, so nesting and suspension work as usual. */
    private static final Object MARKER = new Object();

    @Override
    protected Object doGetTransaction() {
        return new Object();
    }

    @Override
    protected boolean isExistingTransaction(Object transaction) {
        return TransactionSynchronizationManager.hasResource(this);
    }

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {
        TransactionSynchronizationManager.bindResource(this, MARKER);
    }

    @Override
    protected Object doSuspend(Object transaction) {
        return TransactionSynchronizationManager.unbindResource(this);
    }

    @Override
    protected void doResume(Object transaction, Object suspendedResources) {
        TransactionSynchronizationManager.bindResource(this, suspendedResources);
    }

    @Override
    protected void doCommit(DefaultTransactionStatus status) {
        // There is no resource to commit.
    }

    @Override
    protected void doRollback(DefaultTransactionStatus status) {
        // There is no resource to roll back.
    }

    @Override
    protected void doCleanupAfterCompletion(Object transaction) {
        TransactionSynchronizationManager.unbindResourceIfPossible(this);
    }
}
