package io.edumatrix.statistics.internal;

import io.edumatrix.platform.privacy.PersonalDataHolder;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What statistics holds about a person: the days they were active as a student, in each institution. Nothing else here
 * names anyone (totals and marks count things, not people). Erasure deletes those days, so the person no longer counts
 * among any period's active students; the other figures stay, as they are the institution's, not the person's. There is
 * no sealed text, so no key to forget.
 */
@Component
class StatisticsPersonalData implements PersonalDataHolder {

    record ActiveDay(UUID institutionId, String day) {}

    private final NamedParameterJdbcTemplate jdbc;

    StatisticsPersonalData(@Qualifier("statistics") NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String module() {
        return "statistics";
    }

    @Override
    public Map<String, Object> export(UUID accountId) {
        return Map.of("activeDays", jdbc.query("""
                SELECT institution_id, day FROM active_account_day WHERE account_id = :account
                ORDER BY institution_id, day""", Map.of("account", accountId),
                (row, n) -> new ActiveDay(row.getObject("institution_id", UUID.class),
                        row.getDate("day").toLocalDate().toString())));
    }

    @Override
    public void erase(UUID accountId) {
        jdbc.update("DELETE FROM active_account_day WHERE account_id = :account", Map.of("account", accountId));
    }
}
