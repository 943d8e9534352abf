package io.edumatrix.statistics.internal;

import io.edumatrix.platform.privacy.PersonalDataHolder;
import java.util.Map;
import java.util.UUID;
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

    private final PersonalStatisticsRepository data;

    StatisticsPersonalData(PersonalStatisticsRepository data) {
        this.data = data;
    }

    @Override
    public Map<String, Object> export(UUID accountId) {
        return Map.of("activeDays", data.activeDaysOf(accountId).stream()
                .map(day -> new ActiveDay(day.institutionId(), day.day().toString())).toList());
    }

    @Override
    public void erase(UUID accountId) {
        data.deleteActiveDaysOf(accountId);
    }
}
