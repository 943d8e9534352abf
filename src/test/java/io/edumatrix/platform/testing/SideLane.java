package io.edumatrix.platform.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * A {@link ProcessTest} class that shares nothing with the other tests but the PostgreSQL server: its application
 * processes run on a database and roles of their own ({@link CrashHarness}, {@code FreshDatabase}) or on servers of their
 * own ({@link ThrowawayCluster}), on ports of their own. Such classes run one at a time, beside the main lane, where every
 * other class runs one at a time as before (Failsafe's parallel settings in pom.xml).
 *
 * <p>Why: a process test waits most of its time on other processes (a JVM starting, a server crashing and recovering,
 * a backup restoring) and used under one core of two; the integration tier beside it uses the rest. A process test
 * that runs its application on the run's shared database stays in the main lane, as the integration tier's contexts
 * would see that application's outbox and sessions.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(SideLane.LOCK)
public @interface SideLane {

    /** Held by each side-lane class while it runs: one at a time, whatever the pool's parallelism. */
    String LOCK = "edumatrix.side-lane";
}
