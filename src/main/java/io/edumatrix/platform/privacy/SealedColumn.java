package io.edumatrix.platform.privacy;

import java.util.Objects;

/** A column of a module's table that holds personal data only as ciphertext; part of every value's associated data. */
public record SealedColumn(String table, String column) {

    public SealedColumn {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(column, "column");
    }

    public static SealedColumn of(String table, String column) {
        return new SealedColumn(table, column);
    }
}
