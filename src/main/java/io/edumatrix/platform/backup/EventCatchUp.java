package io.edumatrix.platform.backup;

import io.edumatrix.platform.data.ModuleDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a restored module missed: publications of every module's outbox addressed to one of its listeners (the
 * listener id starts with the module's package, or is its erasure participation's, {@code <module>.erasure}) and
 * completed since the backup's snapshot. Their effects went with the replaced schema, so they are marked FAILED again,
 * which {@code POST /actuator/eventpublications} resubmits; the restored inbox, as old as the backup, lets each through
 * once, erasures included. Publications older than {@code edumatrix.events.keep-completed} are gone and cannot be
 * caught up.
 */
final class EventCatchUp {

    private EventCatchUp() {}

    /** @return how many publications were marked, per publishing module */
    static List<String> markForRedelivery(Connection admin, List<ModuleDatabase> modules, ModuleDatabase restored,
            Instant since) throws SQLException {
        var marked = new ArrayList<String>();
        for (var publisher : modules) {
            try (var update = admin.prepareStatement("UPDATE " + Sql.ident(publisher.schema()) + ".event_publication"
                    + " SET status = 'FAILED', completion_date = NULL"
                    + " WHERE (listener_id LIKE ? OR listener_id = ?) AND completion_date >= ?")) {
                update.setString(1, "io.edumatrix." + restored.module() + ".%");
                update.setString(2, restored.module() + ".erasure");
                update.setTimestamp(3, Timestamp.from(since));
                int count = update.executeUpdate();
                if (count > 0) {
                    marked.add(publisher.module() + ": " + count);
                }
            }
        }
        return marked;
    }
}
