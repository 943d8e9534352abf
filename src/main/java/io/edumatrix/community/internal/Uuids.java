package io.edumatrix.community.internal;

import java.util.UUID;

/** UUIDs in PostgreSQL's order (unsigned, byte by byte), which for UUID v7 ids is the order they were made in. */
final class Uuids {

    private Uuids() {}

    static int compare(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }
}
