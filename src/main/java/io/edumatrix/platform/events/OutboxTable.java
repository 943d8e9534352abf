package io.edumatrix.platform.events;

import io.edumatrix.platform.data.ModuleDataAccess;
import io.edumatrix.platform.tenancy.AsynchronousCommit;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.modulith.events.EventPublication.Status;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.util.ClassUtils;

/**
 * One module's {@code event_publication} table, in the layout of Spring Modulith 2.x's JDBC registry, read and written
 * through that module's own connection only. Inside a transaction of the module the statements join it.
 */
final class OutboxTable {

    private static final Logger log = LoggerFactory.getLogger(OutboxTable.class);

    private static final String COLUMNS = "id, listener_id, event_type, serialized_event, publication_date,"
            + " completion_date, status, completion_attempts, last_resubmission_date";

    private final String module;
    private final NamedParameterJdbcOperations jdbc;
    private final EventSerializer serializer;
    private final boolean deleteOnCompletion;

    OutboxTable(ModuleDataAccess dataAccess, EventSerializer serializer, boolean deleteOnCompletion) {
        this.module = dataAccess.module().module();
        this.jdbc = dataAccess.jdbcOperations();
        this.serializer = serializer;
        this.deleteOnCompletion = deleteOnCompletion;
    }

    String module() {
        return module;
    }

    void insert(TargetEventPublication publication) {
        jdbc.update("INSERT INTO event_publication (" + COLUMNS + ") VALUES (:id, :listener, :type, :event, :published,"
                + " NULL, 'PUBLISHED', 1, :published)", new MapSqlParameterSource()
                .addValue("id", publication.getIdentifier())
                .addValue("listener", publication.getTargetIdentifier().getValue())
                .addValue("type", publication.getEvent().getClass().getName())
                .addValue("event", serialize(publication.getEvent()))
                .addValue("published", Timestamp.from(publication.getPublicationDate())));
    }

    boolean complete(UUID id, Instant at) {
        if (deleteOnCompletion) {
            return bookkeeping("DELETE FROM event_publication WHERE id = :id", Map.of("id", id)) > 0;
        }
        return bookkeeping("UPDATE event_publication SET status = 'COMPLETED', completion_date = :at WHERE id = :id",
                Map.of("id", id, "at", Timestamp.from(at))) > 0;
    }

    void complete(Object event, PublicationTargetIdentifier listener, Instant at) {
        var parameters = Map.<String, Object>of("listener", listener.getValue(), "event", serialize(event),
                "at", Timestamp.from(at));
        if (deleteOnCompletion) {
            bookkeeping("DELETE FROM event_publication WHERE listener_id = :listener AND serialized_event = :event", parameters);
        } else {
            bookkeeping("UPDATE event_publication SET status = 'COMPLETED', completion_date = :at"
                    + " WHERE listener_id = :listener AND serialized_event = :event AND completion_date IS NULL", parameters);
        }
    }

    boolean markStatus(UUID id, Status status) {
        return bookkeeping("UPDATE event_publication SET status = :status WHERE id = :id AND status <> :status",
                Map.of("id", id, "status", status.name())) > 0;
    }

    /**
     * A change of a publication's progress (processing, failed, completed), committed without waiting for the WAL
     * flush when it runs in auto-commit, as it does after a delivery. Its loss in a crash leaves the publication
     * incomplete, and it is delivered again to its listener, whose inbox recognises it: a repetition, never a lost
     * event. The listener's own transaction, in its module, commits synchronously before the mark is written.
     */
    private int bookkeeping(String sql, Map<String, ?> parameters) {
        return AsynchronousCommit.run(() -> jdbc.update(sql, parameters));
    }

    /**
     * Claims a publication for another attempt. The conditional update lets exactly one of several application
     * instances claim it.
     */
    boolean markResubmitted(UUID id, Instant at) {
        return jdbc.update("UPDATE event_publication SET status = 'RESUBMITTED', last_resubmission_date = :at,"
                + " completion_attempts = completion_attempts + 1"
                + " WHERE id = :id AND completion_date IS NULL AND status <> 'RESUBMITTED'",
                Map.of("id", id, "at", Timestamp.from(at))) > 0;
    }

    List<TargetEventPublication> findIncomplete() {
        return query("completion_date IS NULL", Map.of());
    }

    List<TargetEventPublication> findIncompletePublishedBefore(Instant instant) {
        return query("completion_date IS NULL AND publication_date < :before", Map.of("before", Timestamp.from(instant)));
    }

    List<TargetEventPublication> findIncomplete(Object event, PublicationTargetIdentifier listener) {
        return query("completion_date IS NULL AND listener_id = :listener AND serialized_event = :event",
                Map.of("listener", listener.getValue(), "event", serialize(event)));
    }

    List<TargetEventPublication> findCompleted() {
        return query("completion_date IS NOT NULL", Map.of());
    }

    List<TargetEventPublication> findByStatus(Status status) {
        return query("status = :status", Map.of("status", status.name()));
    }

    List<TargetEventPublication> findFailed(Instant publishedBefore, long limit) {
        return query("status = 'FAILED' AND publication_date < :before", Map.of("before", Timestamp.from(publishedBefore)),
                limit);
    }

    int countByStatus(Status status) {
        Integer count = jdbc.queryForObject("SELECT count(*) FROM event_publication WHERE status = :status",
                Map.of("status", status.name()), Integer.class);
        return count == null ? 0 : count;
    }

    int delete(List<UUID> ids) {
        return ids.isEmpty() ? 0 : jdbc.update("DELETE FROM event_publication WHERE id IN (:ids)", Map.of("ids", ids));
    }

    int deleteCompletedBefore(Instant instant) {
        return jdbc.update("DELETE FROM event_publication WHERE completion_date < :before",
                Map.of("before", Timestamp.from(instant)));
    }

    private List<TargetEventPublication> query(String condition, Map<String, ?> parameters) {
        return query(condition, parameters, -1);
    }

    private List<TargetEventPublication> query(String condition, Map<String, ?> parameters, long limit) {
        var sql = "SELECT " + COLUMNS + " FROM event_publication WHERE " + condition + " ORDER BY publication_date"
                + (limit > 0 ? " LIMIT " + limit : "");
        return jdbc.query(sql, parameters, (rows, n) -> publication(rows)).stream().filter(Objects::nonNull).toList();
    }

    /**
     * A row whose event can no longer be read (its type was removed or renamed, its JSON no longer fits) is logged and
     * left where it is, rather than failing every lookup, and with it the resubmission at start-up.
     */
    private TargetEventPublication publication(ResultSet rows) throws SQLException {
        var id = rows.getObject("id", UUID.class);
        Object event;
        try {
            var type = ClassUtils.forName(rows.getString("event_type"), OutboxTable.class.getClassLoader());
            event = serializer.deserialize(rows.getString("serialized_event"), type);
        } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
            log.error("Publication {} in module {} holds an event that cannot be read ({}); it is skipped", id, module,
                    e.getMessage());
            return null;
        }
        var completion = rows.getTimestamp("completion_date");
        var resubmission = rows.getTimestamp("last_resubmission_date");
        return new StoredPublication(
                id,
                event,
                PublicationTargetIdentifier.of(rows.getString("listener_id")),
                rows.getTimestamp("publication_date").toInstant(),
                completion == null ? null : completion.toInstant(),
                Status.valueOf(rows.getString("status")),
                rows.getInt("completion_attempts"),
                resubmission == null ? null : resubmission.toInstant());
    }

    private String serialize(Object event) {
        return serializer.serialize(event).toString();
    }
}
