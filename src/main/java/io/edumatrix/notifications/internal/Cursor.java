package io.edumatrix.notifications.internal;

import io.edumatrix.platform.web.PlatformProblems;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A position in a reader's notification list, which is ordered by (read, id descending): {@code unread.<id>} or
 * {@code read.<id>}. An id alone would not do: after the last unread item comes the newest read one, whose id is
 * greater, so "ids below the cursor" would skip every read notification newer than the last unread one.
 */
record Cursor(boolean read, UUID id) {

    /** Before every unread notification, hence before the whole list. */
    static final Cursor START = new Cursor(false, new UUID(-1, -1));

    static Cursor parse(String text) {
        if (text == null) {
            return START;
        }
        var separator = text.indexOf('.');
        try {
            var state = text.substring(0, Math.max(separator, 0));
            if (!state.equals("read") && !state.equals("unread")) {
                throw new IllegalArgumentException(state);
            }
            return new Cursor(state.equals("read"), UUID.fromString(text.substring(separator + 1)));
        } catch (IllegalArgumentException e) {
            throw PlatformProblems.INVALID_REQUEST.exception("The request has invalid parameters")
                    .with("errors", List.of(Map.of("field", "after",
                            "message", "must be the next of a previous page: unread.<uuid> or read.<uuid>")));
        }
    }

    @Override
    public String toString() {
        return (read ? "read." : "unread.") + id;
    }
}
