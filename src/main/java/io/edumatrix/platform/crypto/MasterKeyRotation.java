package io.edumatrix.platform.crypto;

import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Moves everything wrapped under the master key onto the current one: every module's keysets and the keys modules wrap
 * themselves ({@link MasterKeyWrappedKeys}). Each row names the master key that wraps it, so what is left is a count,
 * the work resumes wherever it stopped (a crash, a restart), and several instances share it. At start-up, anything
 * wrapped under a key configured neither as the current nor as the previous one stops the application, naming the
 * setting to fill in.
 */
@Component
class MasterKeyRotation implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(MasterKeyRotation.class);
    static final String UNKNOWN = "unknown";

    /**
     * What {@code GET /api/admin/keys/master} shows: the fingerprints configured, how many wrapped things each master
     * key wraps (module keysets by module, then the other wrapped keys), and how many are left under another key than
     * the current one. The previous key can be removed from the configuration once {@code left} is 0.
     */
    record Status(String current, String previous, Map<String, Map<String, Long>> wrapped, long left) {}

    private final MasterKey masterKey;
    private final ModuleVaults vaults;
    private final ObjectProvider<MasterKeyWrappedKeys> others;
    /** Whether something may be left to re-wrap: from start-up until a pass finds nothing. */
    private volatile boolean pending = true;

    MasterKeyRotation(MasterKey masterKey, ModuleVaults vaults, ObjectProvider<MasterKeyWrappedKeys> others) {
        this.masterKey = masterKey;
        this.vaults = vaults;
        this.others = others;
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (var entry : status().wrapped().entrySet()) {
            for (var fingerprint : entry.getValue().keySet()) {
                if (!fingerprint.equals(UNKNOWN) && !masterKey.isConfigured(fingerprint)) {
                    throw masterKey.notConfigured(entry.getKey(), fingerprint);
                }
            }
        }
    }

    Status status() {
        var wrapped = new LinkedHashMap<String, Map<String, Long>>();
        for (var keys : vaults.all()) {
            wrapped.put("module '" + keys.module() + "' keysets", keys.keysetsByMasterKey());
        }
        for (var other : others.orderedStream().toList()) {
            wrapped.put(other.description(), other.countsByMasterKey());
        }
        long left = wrapped.values().stream().flatMap(counts -> counts.entrySet().stream())
                .filter(count -> !count.getKey().equals(masterKey.fingerprint())).mapToLong(Map.Entry::getValue).sum();
        return new Status(masterKey.fingerprint(), masterKey.previousFingerprint().orElse(null), wrapped, left);
    }

    boolean pending() {
        return pending;
    }

    /** Re-wraps whatever is left, batch by batch; returns how many keysets and keys it re-wrapped. */
    long rewrap(int batchSize) {
        long done = 0;
        for (var keys : vaults.all()) {
            done += keys.rewrapKeysetsUnderCurrentMasterKey();
        }
        for (var other : others.orderedStream().toList()) {
            int batch;
            do {
                batch = other.rewrapBatch(batchSize);
                done += batch;
            } while (batch == batchSize);
        }
        var left = status().left();
        if (done > 0) {
            log.info("Re-wrapped {} keysets and keys under master key {}; {} left under other master keys", done,
                    masterKey.fingerprint(), left);
        }
        pending = left > 0;
        return done;
    }
}
