package io.edumatrix.platform.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.prf.PrfSet;
import io.edumatrix.platform.crypto.PersonKeyTable.WrappedPersonKey;
import io.edumatrix.platform.Times;
import io.edumatrix.platform.domain.DomainException;
import io.edumatrix.platform.domain.ProblemType;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One module's key hierarchy below the master key: the keyset that wraps person keys (rotated), the blind-index key,
 * and the person keys themselves. Each instance holds the wrapping keyset in memory and re-reads it when it is about to
 * wrap a new person key with a keyset older than the refresh interval, and whenever it meets a person key wrapped under
 * a key it does not know: a rotation on another instance is picked up within seconds of the module's next use, and an
 * idle module reads nothing (so it holds no connection for it).
 */
final class ModuleKeys {

    private static final Logger log = LoggerFactory.getLogger(ModuleKeys.class);

    /**
     * What {@code GET /api/admin/keys} shows of a module: its wrapping keys and person keys, and its blind-index keys
     * with the rotation in progress, if any (since when, and the last row re-indexed).
     */
    record Status(String module, long primaryKeyId, List<Long> keyIds, long personKeys, long underOlderKeys,
            long blindIndexPrimaryKeyId, List<Long> blindIndexKeyIds, Instant blindIndexRotationStartedAt,
            String blindIndexReindexedThrough) {}

    /** The blind-index keyset as loaded at one moment, with its primitive. */
    private record Indexing(KeysetHandle keyset, PrfSet prf, List<Long> keyIds, long loadedAt) {

        static Indexing of(KeysetHandle keyset) {
            return new Indexing(keyset, primitive(keyset, PrfSet.class), KeyIds.all(keyset), System.nanoTime());
        }
    }

    /** The wrapping keyset as loaded at one moment ({@link System#nanoTime()}), with its primitive. */
    private record Wrapping(KeysetHandle keyset, Aead aead, long primaryId, List<Long> keyIds, long loadedAt) {

        static Wrapping of(KeysetHandle keyset) {
            return new Wrapping(keyset, primitive(keyset, Aead.class), KeyIds.of(keyset.getPrimary()), KeyIds.all(keyset),
                    System.nanoTime());
        }
    }

    /** A count of person keys under a key other than the primary it was taken under. */
    private record LastCount(long primaryId, long underOlderKeys) {}

    private final String module;
    private final StoredKeysets keysets;
    private final PersonKeyTable personKeys;
    private final TransactionTemplate transactions;
    private final Duration refreshInterval;
    private volatile Indexing indexing;
    /** Null before the first count. */
    private volatile LastCount lastCount;
    private volatile Wrapping wrapping;

    ModuleKeys(String module, StoredKeysets keysets, PersonKeyTable personKeys, TransactionTemplate transactions,
            Duration refreshInterval) {
        this.module = module;
        this.keysets = keysets;
        this.personKeys = personKeys;
        this.transactions = transactions;
        this.refreshInterval = refreshInterval;
        this.wrapping = Wrapping.of(transactions.execute(status -> keysets.loadOrCreate(KeyPurpose.PERSON_KEY_WRAPPING)));
        this.indexing = Indexing.of(transactions.execute(status -> keysets.loadOrCreate(KeyPurpose.BLIND_INDEX)));
    }

    String module() {
        return module;
    }

    PersonKeyTable personKeys() {
        return personKeys;
    }

    /** The index under the primary key: what a row stores. */
    byte[] blindIndex(byte[] input) {
        try {
            return currentIndexing().prf().computePrimary(input, 32);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot compute a blind index in module " + module, e);
        }
    }

    /**
     * The index under every key of the blind-index keyset, the primary's first: what a lookup looks for, so that a row
     * is found whether or not a blind-index rotation has re-indexed it yet.
     */
    List<byte[]> blindIndexes(byte[] input) {
        var current = currentIndexing();
        var indexes = new ArrayList<byte[]>();
        try {
            var primary = current.prf().getPrimaryId();
            indexes.add(current.prf().getPrfs().get(primary).compute(input, 32));
            for (var entry : current.prf().getPrfs().entrySet()) {
                if (entry.getKey() != primary) {
                    indexes.add(entry.getValue().compute(input, 32));
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot compute a blind index in module " + module, e);
        }
        return List.copyOf(indexes);
    }

    /**
     * The blind-index keyset, re-read when this copy is older than the refresh interval (in the caller's transaction):
     * after a blind-index rotation every instance writes indexes under the new key within that interval.
     */
    private Indexing currentIndexing() {
        var current = indexing;
        if (System.nanoTime() - current.loadedAt() > refreshInterval.toNanos()) {
            try {
                indexing = current = Indexing.of(keysets.load(KeyPurpose.BLIND_INDEX));
            } catch (MasterKey.MasterKeyNotConfiguredException e) {
                log.warn("Keeping module {}'s blind-index keys as loaded: {}", module, e.getMessage());
                indexing = current = new Indexing(current.keyset(), current.prf(), current.keyIds(), System.nanoTime());
            }
        }
        return current;
    }

    /**
     * Makes a new blind-index key the primary: new rows are indexed under it within the refresh interval on every
     * instance, lookups try every key, and the re-index job ({@link KeyMaintenance#reindex}) recomputes the stored
     * indexes once no instance can still write under the old key. Refused while a rotation is still in progress.
     */
    Status rotateBlindIndex() {
        indexing = Indexing.of(transactions.execute(status -> {
            if (keysets.reindex().isPresent()) {
                throw new DomainException(ProblemType.INVALID_TRANSITION, "A blind-index rotation of module " + module
                        + " is still in progress; it finishes once every row is re-indexed (GET /api/admin/keys)");
            }
            var rotated = keysets.rotate(KeyPurpose.BLIND_INDEX);
            keysets.recordReindex(Times.now(), null);
            return rotated;
        }));
        return status();
    }

    /** The blind-index rotation in progress, if any. */
    Optional<StoredKeysets.Reindex> reindexInProgress() {
        return transactions.execute(status -> keysets.reindex());
    }

    /** The rotation in progress with its row locked, in the caller's transaction: one re-index batch at a time. */
    Optional<StoredKeysets.Reindex> lockedReindex() {
        return keysets.lockReindex();
    }

    /** Records how far the re-index came, in the caller's transaction (the one that re-indexed those rows). */
    void recordReindexed(Instant startedAt, String cursor) {
        keysets.recordReindex(startedAt, cursor);
    }

    /**
     * Ends a blind-index rotation whose rows are all re-indexed: the older keys leave the keyset, so lookups compute the
     * primary's index only. One update of the keyset row: every instance switches at its next read of it.
     */
    void finishBlindIndexRotation() {
        indexing = Indexing.of(transactions.execute(status -> {
            var finished = keysets.change(KeyPurpose.BLIND_INDEX, ModuleKeys::onlyPrimary);
            keysets.recordReindex(null, null);
            return finished;
        }));
    }

    /** How many of the module's keysets each master key wraps. */
    java.util.Map<String, Long> keysetsByMasterKey() {
        return transactions.execute(status -> keysets.countsByMasterKey());
    }

    /** Re-wraps each of the module's keysets that another master key wraps, each in a transaction; returns how many. */
    int rewrapKeysetsUnderCurrentMasterKey() {
        int done = 0;
        for (var purpose : KeyPurpose.values()) {
            if (Boolean.TRUE.equals(transactions.execute(status -> keysets.rewrap(purpose)))) {
                done++;
            }
        }
        return done;
    }

    /** Runs {@code work} in a transaction of the module. */
    <T> T inTransaction(java.util.function.Supplier<T> work) {
        return transactions.execute(status -> work.get());
    }

    Duration refreshInterval() {
        return refreshInterval;
    }

    /** A new person key, wrapped under the current primary key, with the subject as associated data. */
    record NewPersonKey(Aead aead, WrappedPersonKey wrapped) {}

    NewPersonKey newPersonKey(UUID subject) {
        if (System.nanoTime() - wrapping.loadedAt() > refreshInterval.toNanos()) {
            // In the caller's transaction, if any: one more statement on the connection it already holds.
            refresh();
        }
        try {
            var personKey = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            return new NewPersonKey(primitive(personKey, Aead.class), wrap(subject, personKey, wrapping));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot create a person key in module " + module, e);
        }
    }

    Aead unwrap(WrappedPersonKey stored) {
        return primitive(unwrapKeyset(stored), Aead.class);
    }

    /**
     * Re-reads the wrapping keyset: before a new person key is wrapped under a keyset loaded too long ago, when a person
     * key names a key this instance lacks, and before each re-wrap. A primary this instance had not seen leaves a re-wrap
     * pending ({@link #rewrapPending}): another instance's may not have finished.
     */
    void refresh() {
        try {
            wrapping = Wrapping.of(keysets.load(KeyPurpose.PERSON_KEY_WRAPPING));
        } catch (MasterKey.MasterKeyNotConfiguredException e) {
            // Another instance, configured with a newer master key, re-wrapped the keyset: its keys are the same.
            log.warn("Keeping module {}'s wrapping keys as loaded: {}", module, e.getMessage());
        }
    }

    /**
     * Removes every wrapping key but the primary once no person key is wrapped under one of them, checked under the
     * keyset row's lock. Refused while the primary is younger than twice the refresh interval (an instance may still be
     * wrapping under its predecessor) or while person keys are left under older keys (re-wrap them first).
     */
    Status retireOlderKeys(Duration minimumAge) {
        transactions.executeWithoutResult(status -> keysets.change(KeyPurpose.PERSON_KEY_WRAPPING, current -> {
            var primary = KeyIds.of(current.getPrimary());
            var age = keysets.age(KeyPurpose.PERSON_KEY_WRAPPING);
            if (current.size() > 1 && age.compareTo(minimumAge) < 0) {
                throw new DomainException(ProblemType.INVALID_TRANSITION, "The primary wrapping key of module " + module
                        + " changed " + age.toSeconds() + " s ago; older keys can be retired once no instance can still be"
                        + " wrapping under them, after " + minimumAge.toSeconds() + " s")
                        .with("retryAfterSeconds", minimumAge.minus(age).toSeconds() + 1);
            }
            var left = personKeys.counts(primary).underOlderKeys();
            if (left > 0) {
                throw new DomainException(ProblemType.INVALID_TRANSITION, left + " person keys of module " + module
                        + " are still wrapped under an older key");
            }
            return onlyPrimary(current);
        }));
        refresh();
        return status();
    }

    /** Adds a new primary wrapping key; person keys are re-wrapped under it by {@link #rewrapBatch}. */
    Status rotate() {
        wrapping = Wrapping.of(transactions.execute(status -> keysets.rotate(KeyPurpose.PERSON_KEY_WRAPPING)));
        return status();
    }

    /**
     * Whether person keys may still be wrapped under an older key: no count yet, the last one found some, or the primary
     * changed since (a rotation made here, or seen by a refresh). The re-wrap job skips the module while not.
     */
    boolean rewrapPending() {
        var last = lastCount;
        return last == null || last.underOlderKeys() > 0 || last.primaryId() != wrapping.primaryId();
    }

    /** Re-wraps up to {@code limit} person keys under the primary key, in one transaction; returns how many. */
    int rewrapBatch(int limit) {
        var current = wrapping;
        return transactions.execute(status -> {
            var batch = personKeys.lockWrappedUnderOtherThan(current.primaryId(), limit);
            for (var stored : batch) {
                personKeys.replace(wrap(stored.subject(), unwrapKeyset(stored), current));
            }
            return batch.size();
        });
    }

    Status status() {
        var current = wrapping;
        var counts = transactions.execute(status -> personKeys.counts(current.primaryId()));
        lastCount = new LastCount(current.primaryId(), counts.underOlderKeys());
        var index = indexing;
        var reindex = transactions.execute(tx -> keysets.reindex());
        return new Status(module, current.primaryId(), current.keyIds(), counts.total(), counts.underOlderKeys(),
                Integer.toUnsignedLong(index.prf().getPrimaryId()), index.keyIds(),
                reindex.map(StoredKeysets.Reindex::startedAt).orElse(null),
                reindex.map(StoredKeysets.Reindex::cursor).orElse(null));
    }

    /** Person keys under an older key at the last count (by the re-wrap job or a status request), for the gauge. */
    long lastCountUnderOlderKeys() {
        var last = lastCount;
        return last == null ? 0 : last.underOlderKeys();
    }

    private KeysetHandle unwrapKeyset(WrappedPersonKey stored) {
        if (!wrapping.keyIds().contains(stored.wrappedBy())) {
            refresh();
        }
        try {
            return TinkProtoKeysetFormat.parseEncryptedKeyset(stored.wrapped(), wrapping.aead(),
                    associatedData(stored.subject()));
        } catch (GeneralSecurityException e) {
            throw new TamperedCiphertextException("The key of a data subject in module " + module
                    + " does not unwrap: it was altered or belongs to another subject", e);
        }
    }

    private WrappedPersonKey wrap(UUID subject, KeysetHandle personKey, Wrapping under) {
        try {
            return new WrappedPersonKey(subject,
                    TinkProtoKeysetFormat.serializeEncryptedKeyset(personKey, under.aead(), associatedData(subject)),
                    under.primaryId());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot wrap a person key in module " + module, e);
        }
    }

    private byte[] associatedData(UUID subject) {
        return AssociatedData.of("person-key", module, subject.toString());
    }

    private static KeysetHandle onlyPrimary(KeysetHandle keyset) {
        var builder = KeysetHandle.newBuilder(keyset);
        for (int i = builder.size() - 1; i >= 0; i--) {
            if (!builder.getAt(i).isPrimary()) {
                builder.deleteAt(i);
            }
        }
        try {
            return builder.build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot remove keys from a keyset", e);
        }
    }

    private static <P> P primitive(KeysetHandle keyset, Class<P> type) {
        try {
            return keyset.getPrimitive(RegistryConfiguration.get(), type);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Tink has no " + type.getSimpleName() + " for this keyset", e);
        }
    }
}
