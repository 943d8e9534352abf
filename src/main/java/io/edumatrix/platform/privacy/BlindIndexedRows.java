package io.edumatrix.platform.privacy;

import java.util.Optional;

/**
 * A module that stores blind indexes ({@link PersonalDataVault#blindIndex}) implements this once, so that a rotation of
 * the module's blind-index key can recompute them: the platform calls it batch by batch, each in a transaction of the
 * module that also records the returned cursor, until it answers empty; then lookups switch to the new key alone.
 * Meanwhile {@link PersonalDataVault#blindIndexes} finds a row under either key.
 */
public interface BlindIndexedRows {

    /** The module whose rows these are. */
    String module();

    /**
     * Recomputes with {@link PersonalDataVault#blindIndex} (the new key) every blind index of up to {@code limit} rows
     * after {@code after} (null: from the first), in a stable order, in the running transaction, locking them.
     *
     * @return the cursor of the last row done, or empty when no row was left after {@code after}
     */
    Optional<String> reindex(String after, int limit);
}
