package io.edumatrix.platform.backup;

import com.zaxxer.hikari.HikariDataSource;
import io.edumatrix.platform.data.ModuleBeans;
import io.edumatrix.platform.data.ModuleDatabase;
import io.edumatrix.platform.data.ModuleDatabases;
import jakarta.annotation.PreDestroy;
import java.sql.SQLException;
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
 * This instance's view of which modules a restore has paused ({@link ModulePause}), read every second through the
 * first module's pool (the query reads only {@code pg_locks}, whichever module is paused). When a pause ends, the
 * module's pool drops its connections as they come back, so no session keeps plans of the schema that was replaced.
 */
@Component
class PausedModules {

    private static final Logger log = LoggerFactory.getLogger(PausedModules.class);

    private final List<String> modules;
    private final BeanFactory beans;
    private final ScheduledExecutorService poller =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("module-pauses").factory());
    private volatile Set<String> paused = Set.of();

    PausedModules(ModuleDatabases modules, BeanFactory beans) {
        this.modules = modules.all().stream().map(ModuleDatabase::module).toList();
        this.beans = beans;
        poller.scheduleWithFixedDelay(this::poll, ModulePause.POLL.toMillis(), ModulePause.POLL.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean isPaused(String module) {
        return paused.contains(module);
    }

    private void poll() {
        try (var connection = dataSource(modules.getFirst()).getConnection()) {
            var now = ModulePause.paused(connection, modules);
            for (var module : paused) {
                if (!now.contains(module)) {
                    dataSource(module).unwrap(HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();
                    log.info("Module '{}' resumed after a restore; its pool reconnects", module);
                }
            }
            now.stream().filter(m -> !paused.contains(m)).forEach(m -> log.info("Module '{}' paused for a restore", m));
            paused = Set.copyOf(now);
        } catch (SQLException | RuntimeException e) {
            // The pools may not be open yet, or the database is away: the last known state stands until it answers.
            log.debug("Cannot read module pauses: {}", e.toString());
        }
    }

    private DataSource dataSource(String module) {
        return beans.getBean(ModuleBeans.dataSource(module), DataSource.class);
    }

    @PreDestroy
    void stop() {
        poller.shutdownNow();
    }
}
