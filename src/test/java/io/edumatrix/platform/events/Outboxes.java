package io.edumatrix.platform.events;

import io.edumatrix.platform.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.modulith.events.EventPublication.Status;

/**
 * What the outboxes and inboxes of every module hold, read and changed as the database admin, outside the
 * application's connections and transactions. Every schema that has an {@code event_publication} (or
 * {@code event_inbox}) table counts, so a row that lands in an unexpected schema is found too.
 */
public final class Outboxes {

    private Outboxes() {}

    /** A row of some module's {@code event_publication} table. */
    public record Publication(String schema, UUID id, String listenerId, String eventType, String serializedEvent,
            Status status, boolean completed, int completionAttempts) {}

    /** The publications, in any schema, of the event with this id. */
    public static List<Publication> publicationsOfEvent(UUID eventId) {
        return publicationsWhere("serialized_event::jsonb ->> 'eventId' = ?", eventId.toString());
    }

    /** The publications, in any schema, of events of this type that concern this institution. */
    public static List<Publication> publicationsOf(Class<?> eventType, UUID institutionId) {
        return publicationsWhere("event_type = ? AND serialized_event::jsonb ->> 'institutionId' = ?", eventType.getName(),
                institutionId.toString());
    }

    public static Optional<Publication> publication(UUID id) {
        var found = publicationsWhere("id = ?", id);
        return found.stream().findFirst();
    }

    /** The status of the publication, or {@code null} while there is none. */
    public static Status statusOf(UUID publicationId) {
        return publication(publicationId).map(Publication::status).orElse(null);
    }

    /** Makes a publication look undelivered again, as a crash or a failed delivery would have left it. */
    public static void makeIncomplete(UUID publicationId, Status status) {
        int updated = 0;
        for (var schema : schemasWith("event_publication")) {
            updated += update("UPDATE " + schema + ".event_publication SET completion_date = NULL, status = ? WHERE id = ?",
                    status.name(), publicationId);
        }
        if (updated != 1) {
            throw new IllegalStateException("Publication " + publicationId + " found " + updated + " times");
        }
    }

    public static void delete(UUID publicationId) {
        for (var schema : schemasWith("event_publication")) {
            update("DELETE FROM " + schema + ".event_publication WHERE id = ?", publicationId);
        }
    }

    /** The inbox entries, in any schema, that record the event with this id as processed: "schema listener-id". */
    public static List<String> inboxEntriesOf(UUID eventId) {
        var entries = new ArrayList<String>();
        for (var schema : schemasWith("event_inbox")) {
            query("SELECT listener_id FROM " + schema + ".event_inbox WHERE event_id = ?",
                    rows -> entries.add(schema + " " + rows.getString(1)), eventId);
        }
        return entries;
    }

    /** The number of rows any query returns, as the admin; for effects in other schemas that a test checks. */
    public static int count(String sql, Object... parameters) {
        var rows = new int[1];
        query(sql, r -> rows[0]++, parameters);
        return rows[0];
    }

    /** Every schema that has a table of this name. */
    public static List<String> schemasWith(String table) {
        var schemas = new ArrayList<String>();
        query("SELECT table_schema FROM information_schema.tables WHERE table_name = ? ORDER BY table_schema",
                rows -> schemas.add(rows.getString(1)), table);
        return schemas;
    }

    private static List<Publication> publicationsWhere(String condition, Object... parameters) {
        var found = new ArrayList<Publication>();
        for (var schema : schemasWith("event_publication")) {
            query("SELECT id, listener_id, event_type, serialized_event, status, completion_date IS NOT NULL,"
                            + " completion_attempts FROM " + schema + ".event_publication WHERE " + condition
                            + " ORDER BY publication_date",
                    rows -> found.add(new Publication(schema, rows.getObject(1, UUID.class), rows.getString(2),
                            rows.getString(3), rows.getString(4), Status.valueOf(rows.getString(5)), rows.getBoolean(6),
                            rows.getInt(7))),
                    parameters);
        }
        return found;
    }

    private interface RowHandler {
        void handle(ResultSet rows) throws SQLException;
    }

    private static void query(String sql, RowHandler handler, Object... parameters) {
        try (Connection admin = TestDatabase.get().connectAsAdmin(); var statement = admin.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    handler.handle(rows);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static int update(String sql, Object... parameters) {
        try (Connection admin = TestDatabase.get().connectAsAdmin(); var statement = admin.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
