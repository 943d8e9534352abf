package bench.securedpeer;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads in a read-only transaction. A create does, in one transaction, the synchronous work of EduMatrix's
 * {@code POST /api/courses}: it checks that the institution exists and is active (EduMatrix asks its institutions
 * module), writes the item, an event for other parts of the application (an outbox row, as EduMatrix's
 * {@code CourseCreated}), an audit row naming who acted, and the caller as the item's instructor (EduMatrix's
 * {@code course_instructor}) with that row's audit row. EduMatrix's audit rows are written by triggers; here the
 * service writes them. EduMatrix also delivers the event after commit to its statistics module's listener: that
 * asynchronous work is EduMatrix's alone, nothing here delivers the outbox rows.
 */
@Service
class ItemService {

    private final ItemRepository items;
    private final JdbcClient jdbc;
    private final JsonMapper json;

    ItemService(ItemRepository items, JdbcClient jdbc, JsonMapper json) {
        this.items = items;
        this.jdbc = jdbc;
        this.json = json;
    }

    @Transactional(readOnly = true)
    Optional<Item> get(UUID id, UUID institutionId) {
        return items.findByIdAndInstitutionId(id, institutionId);
    }

    /**
     * Unknown institution: 422, deactivated: 422, as EduMatrix's {@code unknown-institution} and
     * {@code inactive-institution} problems. A code the institution already has: {@code DuplicateKeyException}, which
     * the controller answers with 409. The instructor's insert, like EduMatrix's, does nothing on a conflict (the same
     * account already teaches the item), and then writes no audit row, as EduMatrix's trigger writes none either.
     */
    @Transactional
    Item create(UUID institutionId, String code, String title, String description, UUID accountId) {
        var active = jdbc.sql("SELECT active FROM institution WHERE id = ?")
                .param(institutionId)
                .query(Boolean.class)
                .optional()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT,
                        "Institution " + institutionId + " does not exist"));
        if (!active) {
            throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT,
                    "Institution " + institutionId + " is deactivated");
        }
        var now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        var item = items.save(new Item(UUID.randomUUID(), null, institutionId, code, title, description, true, now, now));
        jdbc.sql("INSERT INTO item_event (id, type, payload, created_at) VALUES (?, ?, ?::jsonb, ?)")
                .params(UUID.randomUUID(), "ItemCreated",
                        json.writeValueAsString(Map.of("institutionId", institutionId, "itemId", item.id())),
                        Timestamp.from(now))
                .update();
        audit("item", item.id(), institutionId, accountId, item);
        var instructor = new ItemInstructor(UUID.randomUUID(), institutionId, item.id(), accountId, now);
        var assigned = jdbc.sql("""
                INSERT INTO item_instructor (id, institution_id, item_id, account_id, assigned_at)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(instructor.id(), institutionId, item.id(), accountId, Timestamp.from(now))
                .update();
        if (assigned == 1) {
            audit("item_instructor", instructor.id(), institutionId, accountId, instructor);
        }
        return item;
    }

    /** A row of {@code item_instructor}, for its audit row's JSON. */
    record ItemInstructor(UUID id, UUID institutionId, UUID itemId, UUID accountId, Instant assignedAt) {}

    /** The audit row of an inserted row: the table, its key, the tenant, who acted and the row as JSON. */
    private void audit(String table, UUID rowId, UUID institutionId, UUID accountId, Object row) {
        jdbc.sql("""
                INSERT INTO item_audit (table_name, operation, row_id, institution_id, account_id, new_values)
                VALUES (?, 'INSERT', ?, ?, ?, ?::jsonb)""")
                .params(table, rowId.toString(), institutionId, accountId, json.writeValueAsString(row))
                .update();
    }
}
