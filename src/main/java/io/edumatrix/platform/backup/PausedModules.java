package io.edumatrix.platform.backup;

import com.zaxxer.hikari.HikariDataSource;
import io.edumatrix.platform.data.ModuleBeans;
import io.edumatrix.platform.data.ModuleDatabase;
import io.edumatrix.platform.data.ModuleDatabases;
import jakarta.annotation.PreDestroy;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.stereotype.Component;

/**
 * This instance's view of which modules a restore has paused ({@link ModulePause}), read every second through the pool
 * of a module that is not paused (the query reads only {@code pg_locks}). A paused module's pool is suspended: its
 * requests are answered 503 before they reach it ({@link PausedModuleInterceptor}), and whatever else asks it for a
 * connection (a listener, a job, another module's call) waits until the pause ends instead of touching the schema
 * being swapped. When the pause ends the pool resumes and drops its connections as they come back, so no session keeps
 * plans of the schema that was replaced, and the module catches up on what it missed ({@link RestoreCatchUp}).
 */
@Component
class PausedModules {

    private static final Logger log = LoggerFactory.getLogger(PausedModules.class);

    private final List<String> modules;
    /** The installation's database, where a restore takes its pause lock (ModuleRestore). */
    private final String database;
    private final BeanFactory beans;
    private final RestoreCatchUp catchUp;
    private final ScheduledExecutorService poller =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("module-pauses").factory());
    private volatile Set<String> paused = Set.of();

    PausedModules(ModuleDatabases modules, BeanFactory beans, RestoreCatchUp catchUp) {
        this.modules = modules.all().stream().map(ModuleDatabase::module).toList();
        this.database = modules.settings().name();
        this.beans = beans;
        this.catchUp = catchUp;
        poller.scheduleWithFixedDelay(this::poll, ModulePause.POLL.toMillis(), ModulePause.POLL.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean isPaused(String module) {
        return paused.contains(module);
    }

    private void poll() {
        try {
            pollOnce();
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again: this one must keep watching.
            log.warn("Cannot apply the module pauses: {}", e.toString());
        }
    }

    private void pollOnce() {
        var before = paused;
        var reader = modules.stream().filter(m -> !before.contains(m)).findFirst();
        if (reader.isEmpty()) {
            return; // every module paused at once: no pool to ask through (restores run one module at a time)
        }
        Set<String> now;
        try (var connection = pool(reader.get()).getConnection()) {
            now = ModulePause.paused(connection, database, modules);
        } catch (SQLException | RuntimeException e) {
            // The pools may not be open yet, or the database is away: the last known state stands until it answers.
            log.debug("Cannot read module pauses: {}", e.toString());
            return;
        }
        for (var module : now) {
            if (!before.contains(module)) {
                pool(module).getHikariPoolMXBean().suspendPool();
                log.info("Module '{}' paused for a restore; its pool is suspended", module);
            }
        }
        // Requests are let through before the pool resumes (they wait for it a moment), never after: a request refused
        // as paused means the pool has handed out nothing since the pause began.
        paused = Set.copyOf(now);
        var resumed = new HashSet<String>();
        for (var module : before) {
            if (!now.contains(module)) {
                var pool = pool(module).getHikariPoolMXBean();
                pool.softEvictConnections();
                pool.resumePool();
                resumed.add(module);
                log.info("Module '{}' resumed after a restore; its pool reconnects", module);
            }
        }
        resumed.forEach(catchUp::afterRestoreOf);
    }

    private HikariDataSource pool(String module) {
        try {
            return beans.getBean(ModuleBeans.dataSource(module), DataSource.class).unwrap(HikariDataSource.class);
        } catch (SQLException e) {
            throw new IllegalStateException("The pool of module " + module + " is not a Hikari pool", e);
        }
    }

    @PreDestroy
    void stop() {
        poller.shutdownNow();
        for (var module : paused) {
            pool(module).getHikariPoolMXBean().resumePool();
        }
    }
}
