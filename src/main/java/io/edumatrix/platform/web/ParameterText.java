package io.edumatrix.platform.web;

/**
 * What a query parameter or path variable may hold. None of the API's parameters is multi-line text (they are ids,
 * codes, states, search terms, cursors), so every C0 control character is refused, tab, CR and LF included, and DEL
 * with them: PostgreSQL cannot store NUL at all, and the others would only reach logs and queries as invisible
 * characters. Multi-line text travels in JSON bodies, where only NUL is refused ({@link StorableTextDeserializer}).
 */
final class ParameterText {

    private ParameterText() {}

    /** What makes the value unacceptable, or null if nothing does. */
    static String flawOf(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return "contains a control character (U+%04X)".formatted((int) c);
            }
        }
        return StorableTextDeserializer.flawOf(value);
    }
}
