package io.edumatrix.platform.events;

import io.edumatrix.platform.data.ModuleDataAccess;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A module's {@code event_inbox}: the (event, listener) pairs it has processed. The row is written in the listener's
 * own transaction, so it commits exactly when the listener's effect commits; a redelivered event finds it and is
 * skipped.
 */
final class Inbox {

    private final ModuleDataAccess dataAccess;

    Inbox(ModuleDataAccess dataAccess) {
        this.dataAccess = dataAccess;
    }

    /** @return whether this is the first delivery of the event to the listener (always inside the listener's transaction) */
    boolean firstDelivery(UUID eventId, String listenerId) {
        return dataAccess.jdbcOperations().update(
                "INSERT INTO event_inbox (event_id, listener_id, processed_at) VALUES (:event, :listener, now())"
                        + " ON CONFLICT DO NOTHING",
                Map.of("event", eventId, "listener", listenerId)) == 1;
    }

    int forgetProcessedBefore(Instant instant) {
        return dataAccess.jdbcOperations().update("DELETE FROM event_inbox WHERE processed_at < :before",
                Map.of("before", Timestamp.from(instant)));
    }
}
