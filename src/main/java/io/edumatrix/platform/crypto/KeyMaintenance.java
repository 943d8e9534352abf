package io.edumatrix.platform.crypto;

import io.edumatrix.platform.Times;
import io.edumatrix.platform.privacy.BlindIndexedRows;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Background work on the keys, each resumable because its state is in the rows: re-wrapping everything still under
 * the previous master key ({@link MasterKeyRotation}); re-wrapping the person keys still under an older module key, in
 * batches, until none is left; and recomputing the blind indexes after a blind-index rotation, from the cursor the last
 * batch recorded. Several instances share the work, each skipping what another has locked. A module is visited only
 * while work may be pending (since start-up, or since a rotation made or seen here): an idle application's pools stay
 * idle, and Hikari can let their connections go.
 */
@Component
class KeyMaintenance {

    private static final Logger log = LoggerFactory.getLogger(KeyMaintenance.class);

    private final ModuleVaults vaults;
    private final CryptoProperties properties;
    private final MasterKeyRotation masterKeyRotation;
    private final ObjectProvider<BlindIndexedRows> blindIndexedRows;
    /** Whether a blind-index rotation may be in progress: from start-up until a pass finds none, and after one here. */
    private volatile boolean reindexPending = true;

    KeyMaintenance(ModuleVaults vaults, CryptoProperties properties, MasterKeyRotation masterKeyRotation,
            ObjectProvider<BlindIndexedRows> blindIndexedRows) {
        this.vaults = vaults;
        this.properties = properties;
        this.masterKeyRotation = masterKeyRotation;
        this.blindIndexedRows = blindIndexedRows;
    }

    @Scheduled(fixedDelayString = "${edumatrix.crypto.rewrap.interval:30s}",
            initialDelayString = "${edumatrix.crypto.rewrap.interval:30s}")
    void rewrapEverywhere() {
        if (masterKeyRotation.pending()) {
            try {
                masterKeyRotation.rewrap(properties.rewrap().batchSize());
            } catch (RuntimeException e) {
                log.warn("Re-wrapping under the current master key stopped; it resumes at the next run: {}", e.toString());
            }
        }
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
        if (reindexPending) {
            boolean inProgress = false;
            for (var keys : vaults.all()) {
                try {
                    inProgress |= !reindex(keys);
                } catch (RuntimeException e) {
                    inProgress = true;
                    log.warn("Re-indexing module {} under its new blind-index key stopped; it resumes at the next run: {}",
                            keys.module(), e.toString());
                }
            }
            reindexPending = inProgress;
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

    /** After a blind-index rotation made here: the re-index runs at the next passes. */
    void reindexSoon() {
        reindexPending = true;
    }

    /**
     * Carries a blind-index rotation of the module on: once no instance can still be indexing under the old key (twice
     * the keyset refresh interval after the rotation), recomputes the module's indexes batch by batch, each batch with
     * its cursor in one transaction under the keyset row's lock, and, when no row is left, removes the old key.
     *
     * @return whether the module has no rotation in progress any more
     */
    boolean reindex(ModuleKeys keys) {
        var started = keys.reindexInProgress();
        if (started.isEmpty()) {
            return true;
        }
        if (started.get().startedAt().plus(keys.refreshInterval().multipliedBy(2)).isAfter(Times.now())) {
            return false;
        }
        var rows = blindIndexedRows.orderedStream().filter(r -> r.module().equals(keys.module())).toList();
        var batchSize = properties.rewrap().batchSize();
        long batches = 0;
        boolean more = true;
        while (more) {
            more = Boolean.TRUE.equals(keys.inTransaction(() -> {
                var reindex = keys.lockedReindex();
                if (reindex.isEmpty()) {
                    return false;
                }
                var cursor = reindex.get().cursor();
                Optional<String> next = Optional.empty();
                for (var holder : rows) {
                    // One holder per module today; several would need a cursor each.
                    next = holder.reindex(cursor, batchSize);
                }
                next.ifPresent(c -> keys.recordReindexed(reindex.get().startedAt(), c));
                return next.isPresent();
            }));
            batches++;
        }
        keys.finishBlindIndexRotation();
        log.info("Module {}'s blind indexes are recomputed under key {} ({} batches); the older blind-index keys are"
                + " retired", keys.module(), keys.status().blindIndexPrimaryKeyId(), batches - 1);
        return true;
    }
}
