package io.edumatrix.platform.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;

/**
 * Reads JSON strings as Jackson does, but refuses text that PostgreSQL cannot store as sent: a NUL character (which
 * {@code text} rejects outright) or half of a surrogate pair (which the driver would silently turn into '?'). JSON
 * escapes can produce both, so checking at the boundary is the one place that catches every field.
 */
final class StorableTextDeserializer extends StringDeserializer {

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) {
        var text = super.deserialize(parser, context);
        var flaw = flawOf(text);
        if (flaw != null) {
            throw new UnstorableTextException(parser, flaw, text);
        }
        return text;
    }

    /** What makes the text unstorable, or null if nothing does. */
    static String flawOf(String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return "contains a NUL character";
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "contains an unpaired UTF-16 surrogate";
            }
        }
        return null;
    }
}
