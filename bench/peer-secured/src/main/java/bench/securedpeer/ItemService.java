package bench.securedpeer;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads in a read-only transaction; a create writes the item, an event for other parts of the application (an outbox
 * row, as EduMatrix's {@code CourseCreated}) and an audit row naming who acted, in one transaction.
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

    @Transactional
    Item create(UUID institutionId, String code, String title, String description, UUID accountId) {
        var now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        var item = items.save(new Item(UUID.randomUUID(), null, institutionId, code, title, description, true, now, now));
        jdbc.sql("INSERT INTO item_event (id, type, payload, created_at) VALUES (?, ?, ?::jsonb, ?)")
                .params(UUID.randomUUID(), "ItemCreated",
                        json.writeValueAsString(Map.of("institutionId", institutionId, "itemId", item.id())),
                        java.sql.Timestamp.from(now))
                .update();
        jdbc.sql("""
                INSERT INTO item_audit (table_name, operation, row_id, institution_id, account_id, new_values)
                VALUES ('item', 'INSERT', ?, ?, ?, ?::jsonb)""")
                .params(item.id().toString(), institutionId, accountId, json.writeValueAsString(item))
                .update();
        return item;
    }
}
