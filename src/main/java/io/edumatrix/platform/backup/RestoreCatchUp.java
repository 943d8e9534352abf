package io.edumatrix.platform.backup;

import io.edumatrix.platform.data.ModuleDatabase;
import io.edumatrix.platform.data.ModuleDatabases;
import io.edumatrix.platform.privacy.ErasureReplay;
import jakarta.annotation.PreDestroy;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.stereotype.Component;

/**
 * What a module restored from a backup missed, brought back by every running instance as soon as it sees the module
 * resume, with no operator step: first the erasures other modules record and the restored one does not
 * ({@link ErasureReplay}), then the deliveries the restore marked FAILED again ({@link EventCatchUp}), resubmitted
 * through Spring Modulith, which claims each publication, so instances do not deliver one twice at once; the restored
 * inbox lets each through once. Runs off the poller's thread, so a long catch-up delays no other pause.
 */
@Component
class RestoreCatchUp implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(RestoreCatchUp.class);
    private static final int BATCH = 500;

    private final ErasureReplay erasures;
    private final FailedEventPublications failed;
    private final List<String> modules;
    private final ExecutorService worker =
            Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("restore-catch-up").factory());

    RestoreCatchUp(ErasureReplay erasures, FailedEventPublications failed, ModuleDatabases modules) {
        this.erasures = erasures;
        this.failed = failed;
        this.modules = modules.all().stream().map(ModuleDatabase::module).toList();
    }

    /**
     * At start-up, every module's erasures are checked against the others': a module restored while no instance ran
     * (or whose catch-up was cut short) is brought in line before long. Cheap: one read of each module's
     * {@code erased_subject}.
     */
    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        worker.submit(() -> {
            for (var module : modules) {
                try {
                    erasures.replay(module);
                } catch (RuntimeException e) {
                    log.warn("Could not apply erasures again to module '{}': {}", module, e.toString());
                }
            }
        });
    }

    void afterRestoreOf(String module) {
        worker.submit(() -> {
            try {
                var erased = erasures.replay(module).size();
                var resubmitted = resubmit(module);
                log.info("Module '{}' caught up after its restore: {} erasures applied again, {} deliveries resubmitted",
                        module, erased, resubmitted);
            } catch (RuntimeException e) {
                log.warn("Module '{}' did not catch up after its restore; POST /actuator/eventpublications delivers what"
                        + " is left, and a restart applies the erasures again: {}", module, e.toString());
            }
        });
    }

    /** Resubmits the failed deliveries to the module's listeners, batch by batch, until a batch finds none. */
    private int resubmit(String module) {
        var matched = new AtomicInteger();
        int before;
        do {
            before = matched.get();
            failed.resubmit(ResubmissionOptions.defaults().withBatchSize(BATCH).withFilter(publication -> {
                boolean match = addressedTo(module, publication);
                if (match) {
                    matched.incrementAndGet();
                }
                return match;
            }));
        } while (matched.get() - before == BATCH);
        return matched.get();
    }

    static boolean addressedTo(String module, EventPublication publication) {
        if (!(publication instanceof TargetEventPublication target)) {
            return false;
        }
        var listener = target.getTargetIdentifier().getValue();
        return listener.startsWith("io.edumatrix." + module + ".") || listener.equals(module + ".erasure");
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
