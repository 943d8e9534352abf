package io.edumatrix.platform.privacy;

import java.util.Optional;
import java.util.UUID;

/**
 * One module's encryption of personal data at rest (AES-256-GCM with Google Tink). Every module has one, as a bean
 * qualified by the module's name; its keys live in the module's schema, wrapped by the platform's master key, so an
 * extracted module takes them along.
 *
 * <p>Each value belongs to a data subject (the account the value is about). It is encrypted under that person's own
 * data key, and its associated data names the table, the column and the row, so a ciphertext copied into another row
 * or column does not decrypt. {@link #forget} destroys the person's data key (crypto-shredding): every ciphertext of
 * theirs, in this database, its audit trail and its backups, becomes unreadable.
 *
 * <p>Values are sealed by the application before the insert, so rows need application-generated ids
 * ({@link io.edumatrix.platform.Ids}). Calls join the module's running transaction.
 */
public interface PersonalDataVault {

    /** The ciphertext to store in {@code column} of row {@code rowId}, a value about {@code subject}. */
    byte[] seal(UUID subject, SealedColumn column, UUID rowId, String plaintext);

    /**
     * The plaintext of a value {@link #seal} produced for the same subject, column and row; empty once the subject has
     * been forgotten. A ciphertext that does not belong to that column and row fails, as tampering.
     */
    Optional<String> open(UUID subject, SealedColumn column, UUID rowId, byte[] ciphertext);

    /** As {@link #seal}, for a value that may be absent: no value (null) is stored as null. */
    default byte[] sealOrNull(UUID subject, SealedColumn column, UUID rowId, String plaintext) {
        return plaintext == null ? null : seal(subject, column, rowId, plaintext);
    }

    /**
     * As {@link #open}, for reading a stored value as the module shows it: null when the column holds none, and null
     * once the subject has been forgotten.
     */
    default String openOrNull(UUID subject, SealedColumn column, UUID rowId, byte[] ciphertext) {
        return ciphertext == null ? null : open(subject, column, rowId, ciphertext).orElse(null);
    }

    /**
     * A keyed hash (HMAC-SHA256 under a key separate from the encryption keys) for equality lookups of a sealed
     * column, such as finding an account by its email. Callers normalise the value first (an email is lower-cased).
     */
    byte[] blindIndex(SealedColumn column, String normalizedValue);

    /**
     * The blind index of the value under every key of the module's blind-index keyset, {@link #blindIndex}'s first: a
     * lookup looks for any of them, so a row is found before and after a blind-index rotation re-indexed it
     * ({@link BlindIndexedRows}). One element when no rotation is in progress.
     */
    java.util.List<byte[]> blindIndexes(SealedColumn column, String normalizedValue);

    /** Destroys the subject's data key in this module, in the running transaction. Idempotent. */
    void forget(UUID subject);
}
