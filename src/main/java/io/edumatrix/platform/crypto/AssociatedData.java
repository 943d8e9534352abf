package io.edumatrix.platform.crypto;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The associated data (and the blind index's input) as an unambiguous byte string: a purpose label, then each part
 * prefixed with its length, so that no two different lists of parts (say table "a_b", column "c" against table "a",
 * column "b_c") ever encode alike.
 */
final class AssociatedData {

    private AssociatedData() {}

    static byte[] of(String purpose, String... parts) {
        var out = new ByteArrayOutputStream();
        write(out, "edumatrix." + purpose + ".v1");
        for (var part : parts) {
            write(out, part);
        }
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String part) {
        var bytes = part.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
        out.writeBytes(bytes);
    }
}
