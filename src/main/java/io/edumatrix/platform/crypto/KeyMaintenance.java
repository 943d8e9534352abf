package io.edumatrix.platform.crypto;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Background work on every module's keys: re-wrapping the person keys still under an older key, in batches, until none
 * is left. The rows say what is left, so after a restart the job simply carries on; several instances share the rows,
 * each skipping those another has locked. A module is visited only while a re-wrap may be pending (since start-up, or
 * since a rotation made or seen here): an idle application's pools stay idle, and Hikari can let their connections go.
 */
@Component
class KeyMaintenance {

    private static final Logger log = LoggerFactory.getLogger(KeyMaintenance.class);

    private final ModuleVaults vaults;
    private final CryptoProperties properties;

    KeyMaintenance(ModuleVaults vaults, CryptoProperties properties) {
        this.vaults = vaults;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${edumatrix.crypto.rewrap.interval:30s}",
            initialDelayString = "${edumatrix.crypto.rewrap.interval:30s}")
    void rewrapEverywhere() {
        for (var keys : vaults.all()) {
            if (!keys.rewrapPending()) {
                continue;
            }
            try {
                rewrap(keys);
            } catch (RuntimeException e) {
                log.warn("Re-wrapping the person keys of module {} stopped; it resumes at the next run: {}",
                        keys.module(), e.toString());
            }
        }
    }

    /** Re-wraps the module's person keys batch by batch, each in a transaction of its own; returns how many. */
    long rewrap(ModuleKeys keys) {
        // Under the newest primary, wherever it was added; otherwise this run would re-wrap towards an older key.
        keys.refresh();
        var batchSize = properties.rewrap().batchSize();
        long total = 0;
        int done;
        do {
            done = keys.rewrapBatch(batchSize);
            total += done;
        } while (done == batchSize);
        var status = keys.status();
        if (total > 0) {
            log.info("Re-wrapped {} person keys of module {} under key {}; {} still under older keys", total,
                    keys.module(), status.primaryKeyId(), status.underOlderKeys());
        }
        return total;
    }
}
