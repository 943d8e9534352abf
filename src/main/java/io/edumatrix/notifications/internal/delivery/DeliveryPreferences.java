package io.edumatrix.notifications.internal.delivery;

import io.edumatrix.notifications.internal.delivery.DeliveryPreferenceRepository.Chosen;
import io.edumatrix.platform.Ids;
import io.edumatrix.platform.Times;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How an account receives each category in the bound institution, besides the in-app list: pushed to its browsers
 * (on unless switched off) and mailed (off unless chosen: at once or in the daily digest).
 */
@Service
@Transactional("notifications")
public class DeliveryPreferences {

    /** A category's channels. */
    public record Channels(boolean push, EmailMode email) {

        public static final Channels DEFAULT = new Channels(true, EmailMode.OFF);

        /** These channels with what {@code change} names changed (a null leaves that channel as it was). */
        public Channels with(Boolean push, EmailMode email) {
            return new Channels(push == null ? this.push : push, email == null ? this.email : email);
        }
    }

    private final DeliveryPreferenceRepository chosen;

    DeliveryPreferences(DeliveryPreferenceRepository chosen) {
        this.chosen = chosen;
    }

    /** Every category of {@code categories}, with its channels. */
    @Transactional(value = "notifications", readOnly = true)
    public Map<String, Channels> of(UUID accountId, Collection<String> categories) {
        var choices = chosen.chosenBy(accountId).stream()
                .collect(Collectors.toMap(Chosen::category, Function.identity()));
        var channels = new LinkedHashMap<String, Channels>();
        for (var category : categories) {
            var choice = choices.get(category);
            channels.put(category, choice == null ? Channels.DEFAULT : new Channels(choice.push(), choice.email()));
        }
        return channels;
    }

    @Transactional(value = "notifications", readOnly = true)
    Channels of(UUID accountId, String category) {
        return chosen.chosen(accountId, category).map(c -> new Channels(c.push(), c.email()))
                .orElse(Channels.DEFAULT);
    }

    /** Stores the channels of each category named; the others stay as they were. */
    public void change(UUID institutionId, UUID accountId, Map<String, Channels> changes) {
        var now = Times.now();
        changes.forEach((category, channels) -> chosen.choose(Ids.next(), institutionId, accountId, category,
                channels.push(), channels.email().name(), now));
    }

    @Transactional(value = "notifications", readOnly = true)
    public List<String> export(UUID accountId) {
        return chosen.exportOf(accountId);
    }

    public void erase(UUID accountId) {
        chosen.deleteChoicesOf(accountId);
    }
}
