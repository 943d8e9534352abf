package io.edumatrix.statistics.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/** Running totals and the daily series, changed by deltas (an upsert, so the first delta creates the row). */
interface FigureRepository extends Repository<Figure, String> {

    @Modifying
    @Query("""
            INSERT INTO figure (institution_id, name, value) VALUES (:institutionId, :name, :delta)
            ON CONFLICT (institution_id, name) DO UPDATE SET value = figure.value + EXCLUDED.value""")
    int addToTotal(UUID institutionId, String name, long delta);

    @Modifying
    @Query("""
            INSERT INTO daily_figure (institution_id, metric, day, value) VALUES (:institutionId, :name, :day, :delta)
            ON CONFLICT (institution_id, metric, day) DO UPDATE SET value = daily_figure.value + EXCLUDED.value""")
    int addToDay(UUID institutionId, String name, LocalDate day, long delta);

    @Query("SELECT name, value FROM figure")
    List<Figure> totals();

    /** A metric's days with a value, as figures named by their ISO date. */
    @Query("""
            SELECT to_char(day, 'YYYY-MM-DD') AS name, value FROM daily_figure
            WHERE metric = :metric AND day BETWEEN :from AND :to""")
    List<Figure> daily(String metric, LocalDate from, LocalDate to);

    /** The active accounts of each day with any, as figures named by their ISO date. */
    @Query("""
            SELECT to_char(day, 'YYYY-MM-DD') AS name, count(*) AS value FROM active_account_day
            WHERE day BETWEEN :from AND :to GROUP BY day""")
    List<Figure> activeAccountsDaily(LocalDate from, LocalDate to);

    @Query("SELECT count(DISTINCT account_id) FROM active_account_day WHERE day BETWEEN :from AND :to")
    long activeAccounts(LocalDate from, LocalDate to);

    @Modifying
    @Query("""
            INSERT INTO active_account_day (institution_id, account_id, day) VALUES (:institutionId, :accountId, :day)
            ON CONFLICT DO NOTHING""")
    int markActive(UUID institutionId, UUID accountId, LocalDate day);

    @Modifying
    @Query("""
            INSERT INTO lifecycle_mark (institution_id, kind, entity_id, mark)
            VALUES (:institutionId, :kind, :entityId, :mark) ON CONFLICT DO NOTHING""")
    int mark(UUID institutionId, String kind, UUID entityId, String mark);

    /** Entities of a kind with every mark of {@code present} and none of {@code absent} (which must not be empty). */
    @Query("""
            SELECT count(*) FROM (
                SELECT entity_id FROM lifecycle_mark WHERE kind = :kind GROUP BY entity_id
                HAVING count(*) FILTER (WHERE mark IN (:present)) = :presentCount
                   AND count(*) FILTER (WHERE mark IN (:absent)) = 0) AS matching""")
    long countMarked(String kind, List<String> present, int presentCount, List<String> absent);
}
