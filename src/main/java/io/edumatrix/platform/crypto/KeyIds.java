package io.edumatrix.platform.crypto;

import com.google.crypto.tink.KeysetHandle;
import java.util.ArrayList;
import java.util.List;

/** Tink key ids are unsigned 32-bit numbers held in a Java int; stored and shown as the unsigned value. */
final class KeyIds {

    private KeyIds() {}

    static long of(KeysetHandle.Entry entry) {
        return Integer.toUnsignedLong(entry.getId());
    }

    static List<Long> all(KeysetHandle keyset) {
        var ids = new ArrayList<Long>(keyset.size());
        for (var i = 0; i < keyset.size(); i++) {
            ids.add(of(keyset.getAt(i)));
        }
        return List.copyOf(ids);
    }
}
