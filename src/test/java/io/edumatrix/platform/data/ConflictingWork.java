package io.edumatrix.platform.data;

import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Transactional work of the courses module's pool that conflicts with itself on purpose, counting its attempts: what
 * the platform's conflict retry sees from any module's service.
 */
@Transactional("courses")
public class ConflictingWork {

    private final BeanFactory beans;
    private final AtomicInteger attempts = new AtomicInteger();

    public ConflictingWork(BeanFactory beans) {
        this.beans = beans;
    }

    /**
     * Takes two advisory locks, waiting at the barrier between them on the first attempt only: two calls in opposite
     * orders deadlock once, and PostgreSQL ends one of them with 40P01.
     */
    public void lockInOrder(long first, long second, CyclicBarrier barrier) throws Exception {
        var attempt = attempts.incrementAndGet();
        // Longer than PostgreSQL's deadlock_timeout (1 s): the deadlock is detected before either wait times out.
        dataAccess("courses").jdbcOperations().getJdbcOperations().execute("SET LOCAL lock_timeout = '10s'");
        lock(first);
        if (attempt <= 2) {
            barrier.await(10, TimeUnit.SECONDS);
        }
        lock(second);
    }

    /** Fails with a serialization failure (40001) raised by PostgreSQL itself, every time. */
    public void failToSerialize() {
        attempts.incrementAndGet();
        serializationFailure();
    }

    /** Commits a transaction of another module, then fails with a serialization failure. */
    public void commitElsewhereThenFailToSerialize() {
        attempts.incrementAndGet();
        var identity = dataAccess("identity");
        new TransactionTemplate(identity.transactionManager())
                .executeWithoutResult(status -> identity.jdbcOperations().queryForObject("SELECT 1", Map.of(), Integer.class));
        serializationFailure();
    }

    /**
     * Reads, having PostgreSQL end its own connection on the first attempt (57P01, as when a standby is stopped under a
     * read).
     */
    @Transactional(value = "courses", readOnly = true)
    public int readLosingTheConnectionOnce() {
        return selectLosingTheConnectionOnce();
    }

    /** The same in a transaction that may write. */
    public int writeLosingTheConnectionOnce() {
        return selectLosingTheConnectionOnce();
    }

    public int attempts() {
        return attempts.get();
    }

    public void reset() {
        attempts.set(0);
    }

    private ModuleDataAccess dataAccess(String module) {
        return beans.getBean(ModuleBeans.dataAccess(module), ModuleDataAccess.class);
    }

    private void lock(long key) {
        dataAccess("courses").jdbcOperations().queryForObject("SELECT pg_advisory_xact_lock(:key)::text", Map.of("key", key),
                String.class);
    }

    private int selectLosingTheConnectionOnce() {
        var jdbc = dataAccess("courses").jdbcOperations();
        if (attempts.incrementAndGet() == 1) {
            jdbc.queryForObject("SELECT pg_terminate_backend(pg_backend_pid())", Map.of(), Boolean.class);
        }
        return jdbc.queryForObject("SELECT 1", Map.of(), Integer.class);
    }

    private void serializationFailure() {
        dataAccess("courses").jdbcOperations().getJdbcOperations().execute(
                "DO $$ BEGIN RAISE EXCEPTION 'provoked' USING ERRCODE = 'serialization_failure'; END $$");
    }
}
