package io.edumatrix.platform.crypto;

import com.google.crypto.tink.Aead;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Unwrapped person keys of one module, so a hot account is not unwrapped on every read. Bounded (least recently used
 * leave first) and short-lived: a key forgotten on another instance stays usable here for at most the time to live.
 * A key enters only once the transaction that read or created it has committed, so a rolled-back first seal never
 * leaves behind a key that is not in the database.
 */
final class PersonKeyCache {

    private record Cached(Aead aead, long expiresAt) {}

    private final int maximumSize;
    private final long ttlNanos;
    private final Map<UUID, Cached> entries;

    PersonKeyCache(CryptoProperties.PersonKeyCacheSettings settings) {
        this.maximumSize = settings.maximumSize();
        this.ttlNanos = settings.ttl().toNanos();
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, Cached> eldest) {
                return size() > maximumSize;
            }
        };
    }

    synchronized Optional<Aead> get(UUID subject) {
        var entry = entries.get(subject);
        if (entry == null) {
            return Optional.empty();
        }
        if (System.nanoTime() - entry.expiresAt() > 0) {
            entries.remove(subject);
            return Optional.empty();
        }
        return Optional.of(entry.aead());
    }

    void putAfterCommit(UUID subject, Aead aead) {
        if (maximumSize == 0 || ttlNanos <= 0) {
            return;
        }
        afterCommit(() -> put(subject, aead));
    }

    /** Removes the key now and again after the commit, in case a concurrent read put it back meanwhile. */
    void remove(UUID subject) {
        evict(subject);
        afterCommit(() -> evict(subject));
    }

    synchronized int size() {
        return entries.size();
    }

    private synchronized void put(UUID subject, Aead aead) {
        entries.put(subject, new Cached(aead, System.nanoTime() + ttlNanos));
    }

    private synchronized void evict(UUID subject) {
        entries.remove(subject);
    }

    private static void afterCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
