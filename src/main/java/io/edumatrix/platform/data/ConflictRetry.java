package io.edumatrix.platform.data;

import io.edumatrix.platform.tenancy.TransactionAttempt;
import java.time.Duration;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.ProxyMethodInvocation;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Around the outermost transactional method of a call, outside its transaction: runs the whole method again when its
 * transaction ended in a {@link TransactionConflict}, a bounded number of times with jittered, growing delays, if the
 * failed attempt is safe to repeat: its transaction rolled back entirely (it is the outermost one) and no other
 * transaction committed while it ran (ADR 0024). An attempt that only read is also run again when the server ended its
 * connection ({@link LostConnection}): a read replica stopped under it, and the next attempt reads the primary
 * (ADR 0028). One that wrote is not: its commit may have reached the server before the connection went. When retries
 * run out, or the attempt may not be repeated, the last failure goes on to the problem handler, which answers 409 or
 * 503 with {@code Retry-After}.
 */
final class ConflictRetry implements MethodInterceptor {

    /** Three more attempts, waiting about 20, 40 and 80 ms: a conflict between requests clears in milliseconds. */
    static final RetryPolicy POLICY = RetryPolicy.builder()
            .maxRetries(3)
            .delay(Duration.ofMillis(20))
            .jitter(Duration.ofMillis(10))
            .multiplier(2)
            .maxDelay(Duration.ofMillis(200))
            .predicate(failure -> !(failure instanceof NotRepeatable)
                    && (TransactionConflict.of(failure).isPresent() || LostConnection.is(failure)))
            .build();

    private static final Logger log = LoggerFactory.getLogger(ConflictRetry.class);

    private final RetryTemplate retries = new RetryTemplate(POLICY);

    @Override
    public Object invoke(MethodInvocation invocation) throws Throwable {
        if (TransactionAttempt.open() || TransactionSynchronizationManager.isActualTransactionActive()) {
            return invocation.proceed();
        }
        var call = (ProxyMethodInvocation) invocation;
        try {
            return retries.execute(() -> attempt(call.invocableClone()));
        } catch (RetryException e) {
            var last = e.getLastException();
            if (e.getRetryCount() > 0 && TransactionConflict.of(last).isPresent()) {
                log.warn("{} still conflicting after {} attempt(s): {}", invocation.getMethod(), e.getRetryCount() + 1,
                        last.toString());
            }
            throw last instanceof NotRepeatable unrepeatable ? unrepeatable.getCause() : last;
        }
    }

    private static Object attempt(MethodInvocation call) throws Throwable {
        var attempt = new TransactionAttempt();
        try {
            return attempt.run(call::proceed);
        } catch (Throwable failure) {
            throw attempt.committed() || attempt.wrote() && LostConnection.is(failure) ? new NotRepeatable(failure) : failure;
        }
    }

    /** The failure of an attempt during which some transaction committed: repeating it could do that twice. */
    private static final class NotRepeatable extends Exception {

        NotRepeatable(Throwable cause) {
            super(cause);
        }
    }
}
