package io.edumatrix.statistics.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The statistics tables, in the tenant's rows (row-level security adds the institution to every statement). Writers
 * add deltas and marks in the listening transaction; readers count.
 */
@Repository
class ReadModel {

    enum Kind { JOB_POSTING, GIG }

    private final NamedParameterJdbcTemplate jdbc;

    ReadModel(@Qualifier("statistics") NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds {@code delta} to a running total and to its day's value in the daily series. */
    void add(UUID institutionId, String name, LocalDate day, long delta) {
        addToTotal(institutionId, name, delta);
        jdbc.update("""
                INSERT INTO daily_figure (institution_id, metric, day, value) VALUES (:institution, :name, :day, :delta)
                ON CONFLICT (institution_id, metric, day) DO UPDATE SET value = daily_figure.value + EXCLUDED.value""",
                Map.of("institution", institutionId, "name", name, "day", Date.valueOf(day), "delta", delta));
    }

    /** Adds {@code delta} to a running total that has no daily series (a sum of ratings, a count by status). */
    void addToTotal(UUID institutionId, String name, long delta) {
        jdbc.update("""
                INSERT INTO figure (institution_id, name, value) VALUES (:institution, :name, :delta)
                ON CONFLICT (institution_id, name) DO UPDATE SET value = figure.value + EXCLUDED.value""",
                Map.of("institution", institutionId, "name", name, "delta", delta));
    }

    void mark(UUID institutionId, Kind kind, UUID entityId, String mark) {
        jdbc.update("""
                INSERT INTO lifecycle_mark (institution_id, kind, entity_id, mark)
                VALUES (:institution, :kind, :entity, :mark) ON CONFLICT DO NOTHING""",
                Map.of("institution", institutionId, "kind", kind.name(), "entity", entityId, "mark", mark));
    }

    void markActive(UUID institutionId, UUID accountId, LocalDate day) {
        jdbc.update("""
                INSERT INTO active_account_day (institution_id, account_id, day) VALUES (:institution, :account, :day)
                ON CONFLICT DO NOTHING""",
                Map.of("institution", institutionId, "account", accountId, "day", Date.valueOf(day)));
    }

    Map<String, Long> totals() {
        var totals = new HashMap<String, Long>();
        jdbc.query("SELECT name, value FROM figure", Map.of(),
                row -> { totals.put(row.getString("name"), row.getLong("value")); });
        return totals;
    }

    /**
     * How many entities of a kind have every one of {@code present} marks and none of {@code absent} (an open posting:
     * OPENED and not CLOSED).
     */
    long countMarked(Kind kind, List<String> present, List<String> absent) {
        return jdbc.queryForObject("""
                SELECT count(*) FROM (
                    SELECT entity_id FROM lifecycle_mark WHERE kind = :kind GROUP BY entity_id
                    HAVING count(*) FILTER (WHERE mark IN (:present)) = :presentCount
                       AND count(*) FILTER (WHERE mark IN (:absent)) = 0) AS matching""",
                Map.of("kind", kind.name(), "present", present, "presentCount", present.size(),
                        "absent", absent.isEmpty() ? List.of("") : absent), Long.class);
    }

    long activeAccounts(LocalDate from, LocalDate to) {
        return jdbc.queryForObject(
                "SELECT count(DISTINCT account_id) FROM active_account_day WHERE day BETWEEN :from AND :to",
                Map.of("from", Date.valueOf(from), "to", Date.valueOf(to)), Long.class);
    }

    Map<LocalDate, Long> daily(String metric, LocalDate from, LocalDate to) {
        var values = new HashMap<LocalDate, Long>();
        jdbc.query("SELECT day, value FROM daily_figure WHERE metric = :metric AND day BETWEEN :from AND :to",
                Map.of("metric", metric, "from", Date.valueOf(from), "to", Date.valueOf(to)),
                row -> { values.put(row.getDate("day").toLocalDate(), row.getLong("value")); });
        return values;
    }

    Map<LocalDate, Long> activeAccountsDaily(LocalDate from, LocalDate to) {
        var values = new HashMap<LocalDate, Long>();
        jdbc.query("""
                SELECT day, count(*) AS accounts FROM active_account_day WHERE day BETWEEN :from AND :to GROUP BY day""",
                Map.of("from", Date.valueOf(from), "to", Date.valueOf(to)),
                row -> { values.put(row.getDate("day").toLocalDate(), row.getLong("accounts")); });
        return values;
    }
}
