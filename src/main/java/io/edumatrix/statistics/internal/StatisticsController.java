package io.edumatrix.statistics.internal;

import io.edumatrix.platform.security.InstitutionAdmin;
import io.edumatrix.platform.security.InstitutionScope;
import io.edumatrix.platform.domain.DomainException;
import io.edumatrix.platform.web.PlatformProblems;
import io.edumatrix.statistics.internal.Views.Overview;
import io.edumatrix.statistics.internal.Views.Series;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An institution's statistics, for its admins (or a platform administrator); another institution's are not found
 * (ADR 0012). A platform administrator naming an institution that does not exist sees zeros: this module knows
 * institutions only from their events, and an institution without any has none to show.
 */
@RestController
@RequestMapping("/api/statistics/institutions/{id}")
class StatisticsController {

    /** A series spans at most a year (a leap year's days), so one answer stays small. */
    static final int MAX_DAYS = 366;
    /** Days the database's date type and the JDBC driver both hold as they are; nothing happened outside them. */
    static final int MIN_YEAR = 1970;
    static final int MAX_YEAR = 9999;

    private final StatisticsService statistics;

    StatisticsController(StatisticsService statistics) {
        this.statistics = statistics;
    }

    @GetMapping("/overview")
    @InstitutionAdmin
    Overview overview(@PathVariable UUID id) {
        return InstitutionScope.within(id, () -> statistics.overview(id));
    }

    /** {@code from} and {@code to} are UTC days ({@code 2026-11-26}), both included. */
    @GetMapping("/daily")
    @InstitutionAdmin
    Series daily(@PathVariable UUID id, @RequestParam String metric,
            @RequestParam @DateTimeFormat(iso = ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = ISO.DATE) LocalDate to) {
        var series = DailyMetric.named(metric).orElseThrow(
                () -> invalid("metric", "must be one of " + String.join(", ", DailyMetric.names())));
        if (from.getYear() < MIN_YEAR || to.getYear() > MAX_YEAR) {
            throw invalid(from.getYear() < MIN_YEAR ? "from" : "to",
                    "must be a day of the years " + MIN_YEAR + " to " + MAX_YEAR);
        }
        if (to.isBefore(from)) {
            throw invalid("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw invalid("to", "must be at most " + (MAX_DAYS - 1) + " days after from (" + MAX_DAYS + " days)");
        }
        return InstitutionScope.within(id, () -> statistics.daily(series, from, to));
    }

    /** The same {@code invalid-request} problem as Bean Validation's, naming the parameter. */
    private static DomainException invalid(String parameter, String message) {
        return PlatformProblems.INVALID_REQUEST.exception("The request has invalid parameters")
                .with("errors", List.of(Map.of("field", parameter, "message", message)));
    }
}
