package io.edumatrix.platform.crypto;

import com.google.crypto.tink.Aead;
import io.edumatrix.platform.privacy.PersonalDataVault;
import io.edumatrix.platform.privacy.SealedColumn;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One module's {@link PersonalDataVault}: a value is sealed under its subject's person key (created at the first seal),
 * with the table, column and row as associated data. Person keys are read and written through the module's own
 * connection, so they join the caller's transaction.
 */
final class ModuleVault implements PersonalDataVault {

    private static final int BLIND_INDEX_BYTES = 32;

    private final ModuleKeys keys;
    private final PersonKeyCache cache;

    ModuleVault(ModuleKeys keys, PersonKeyCache cache) {
        this.keys = keys;
        this.cache = cache;
    }

    @Override
    public byte[] seal(UUID subject, SealedColumn column, UUID rowId, String plaintext) {
        Objects.requireNonNull(plaintext, "plaintext");
        try {
            return personKey(subject).encrypt(plaintext.getBytes(StandardCharsets.UTF_8), associatedData(column, rowId));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot seal " + column + " in module " + keys.module(), e);
        }
    }

    @Override
    public Optional<String> open(UUID subject, SealedColumn column, UUID rowId, byte[] ciphertext) {
        var personKey = existingPersonKey(subject);
        if (personKey.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new String(personKey.get().decrypt(ciphertext, associatedData(column, rowId)),
                    StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new TamperedCiphertextException("The value in " + column.table() + "." + column.column() + " of row "
                    + rowId + " in module " + keys.module() + " does not decrypt: it was altered, or belongs to another"
                    + " row, column or person", e);
        }
    }

    @Override
    public byte[] blindIndex(SealedColumn column, String normalizedValue) {
        Objects.requireNonNull(normalizedValue, "normalizedValue");
        var bytes = AssociatedData.of("blind-index", column.table(), column.column(), normalizedValue);
        var index = keys.blindIndex(bytes);
        if (index.length != BLIND_INDEX_BYTES) {
            throw new IllegalStateException("A blind index of " + index.length + " bytes");
        }
        return index;
    }

    @Override
    public List<byte[]> blindIndexes(SealedColumn column, String normalizedValue) {
        Objects.requireNonNull(normalizedValue, "normalizedValue");
        return keys.blindIndexes(AssociatedData.of("blind-index", column.table(), column.column(), normalizedValue));
    }

    @Override
    public void forget(UUID subject) {
        cache.remove(subject);
        keys.personKeys().delete(subject);
    }

    private Aead personKey(UUID subject) {
        var existing = existingPersonKey(subject);
        if (existing.isPresent()) {
            return existing.get();
        }
        var created = keys.newPersonKey(subject);
        if (keys.personKeys().insertIfAbsent(created.wrapped())) {
            cache.putAfterCommit(subject, created.aead());
            return created.aead();
        }
        // Another transaction created the subject's key meanwhile; the insert waited for it to commit.
        return existingPersonKey(subject).orElseThrow(() -> new IllegalStateException(
                "The person key of a subject in module " + keys.module() + " vanished while it was being created"));
    }

    private Optional<Aead> existingPersonKey(UUID subject) {
        var cached = cache.get(subject);
        if (cached.isPresent()) {
            return cached;
        }
        var aead = keys.personKeys().find(subject).map(keys::unwrap);
        aead.ifPresent(key -> cache.putAfterCommit(subject, key));
        return aead;
    }

    private static byte[] associatedData(SealedColumn column, UUID rowId) {
        return AssociatedData.of("sealed-column", column.table(), column.column(), rowId.toString());
    }
}
