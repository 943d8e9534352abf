package io.edumatrix.platform.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.prf.PrfSet;
import io.edumatrix.platform.crypto.PersonKeyTable.WrappedPersonKey;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One module's key hierarchy below the master key: the keyset that wraps person keys (rotated), the blind-index key,
 * and the person keys themselves. Each instance holds the wrapping keyset in memory and re-reads it when it is about to
 * wrap a new person key with a keyset older than the refresh interval, and whenever it meets a person key wrapped under
 * a key it does not know: a rotation on another instance is picked up within seconds of the module's next use, and an
 * idle module reads nothing (so it holds no connection for it).
 */
final class ModuleKeys {

    /** What {@code GET /api/admin/keys} shows of a module. */
    record Status(String module, long primaryKeyId, List<Long> keyIds, long personKeys, long underOlderKeys) {}

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
    private final PrfSet blindIndex;
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
        this.blindIndex = primitive(transactions.execute(status -> keysets.loadOrCreate(KeyPurpose.BLIND_INDEX)),
                PrfSet.class);
    }

    String module() {
        return module;
    }

    PersonKeyTable personKeys() {
        return personKeys;
    }

    byte[] blindIndex(byte[] input) {
        try {
            return blindIndex.computePrimary(input, 32);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot compute a blind index in module " + module, e);
        }
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
        wrapping = Wrapping.of(keysets.load(KeyPurpose.PERSON_KEY_WRAPPING));
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
        return new Status(module, current.primaryId(), current.keyIds(), counts.total(), counts.underOlderKeys());
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

    private static <P> P primitive(KeysetHandle keyset, Class<P> type) {
        try {
            return keyset.getPrimitive(RegistryConfiguration.get(), type);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Tink has no " + type.getSimpleName() + " for this keyset", e);
        }
    }
}
