package io.edumatrix.platform.audit;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One entry of a module's trail as the API shows it. {@code entity} is {@code <module>.<table>} for a row change and
 * {@code <module>} for a change of the schema's structure, which also names the database roles that made it. The old
 * and new values are the JSON PostgreSQL wrote, passed through as they are.
 */
record AuditEntry(long id, Instant occurredAt, String entity, String operation, String rowId, UUID institutionId,
        UUID accountId, String requestId, long transactionId, @JsonRawValue String oldValues,
        @JsonRawValue String newValues, String databaseRole, String databaseSessionRole) {

    /** A page of entries, newest first; {@code next} is the cursor of the following page, null on the last one. */
    record Page(List<AuditEntry> items, String next) {

        /** @param fetched up to {@code limit + 1} entries, so that a further page can be told without counting */
        static Page of(List<AuditEntry> fetched, int limit) {
            if (fetched.size() <= limit) {
                return new Page(fetched, null);
            }
            var items = List.copyOf(fetched.subList(0, limit));
            var last = items.getLast();
            return new Page(items, new AuditCursor(last.occurredAt(), last.id()).encode());
        }
    }
}
