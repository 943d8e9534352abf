package io.edumatrix.statistics.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The statistics tables, in the tenant's rows (row-level security adds the institution to every statement). Writers
 * add deltas and marks in the listening transaction; readers count.
 */
@Component
class ReadModel {

    enum Kind { JOB_POSTING, GIG }

    /** Stands for "no mark" in a count that excludes none: SQL's {@code IN ()} must list something. */
    private static final List<String> NO_MARK = List.of("");

    private final FigureRepository figures;

    ReadModel(FigureRepository figures) {
        this.figures = figures;
    }

    /** Adds {@code delta} to a running total and to its day's value in the daily series. */
    void add(UUID institutionId, String name, LocalDate day, long delta) {
        figures.addToTotal(institutionId, name, delta);
        figures.addToDay(institutionId, name, day, delta);
    }

    /** Adds {@code delta} to a running total that has no daily series (a sum of ratings, a count by status). */
    void addToTotal(UUID institutionId, String name, long delta) {
        figures.addToTotal(institutionId, name, delta);
    }

    void mark(UUID institutionId, Kind kind, UUID entityId, String mark) {
        figures.mark(institutionId, kind.name(), entityId, mark);
    }

    void markActive(UUID institutionId, UUID accountId, LocalDate day) {
        figures.markActive(institutionId, accountId, day);
    }

    Map<String, Long> totals() {
        return byName(figures.totals());
    }

    /**
     * How many entities of a kind have every one of {@code present} marks and none of {@code absent} (an open posting:
     * OPENED and not CLOSED).
     */
    long countMarked(Kind kind, List<String> present, List<String> absent) {
        return figures.countMarked(kind.name(), present, present.size(), absent.isEmpty() ? NO_MARK : absent);
    }

    long activeAccounts(LocalDate from, LocalDate to) {
        return figures.activeAccounts(from, to);
    }

    Map<LocalDate, Long> daily(String metric, LocalDate from, LocalDate to) {
        return byDay(figures.daily(metric, from, to));
    }

    Map<LocalDate, Long> activeAccountsDaily(LocalDate from, LocalDate to) {
        return byDay(figures.activeAccountsDaily(from, to));
    }

    private static Map<String, Long> byName(List<Figure> found) {
        return found.stream().collect(Collectors.toMap(Figure::name, Figure::value));
    }

    private static Map<LocalDate, Long> byDay(List<Figure> found) {
        return found.stream().collect(Collectors.toMap(figure -> LocalDate.parse(figure.name()), Figure::value));
    }
}
