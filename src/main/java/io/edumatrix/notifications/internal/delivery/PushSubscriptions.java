package io.edumatrix.notifications.internal.delivery;

import io.edumatrix.notifications.NotificationPushQueued;
import io.edumatrix.platform.Ids;
import io.edumatrix.platform.Times;
import io.edumatrix.platform.domain.DomainException;
import io.edumatrix.platform.privacy.PersonalDataVault;
import io.edumatrix.platform.web.PlatformProblems;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** The browsers an account receives Web Push on, in the bound institution, and the pushes to them. */
@Service
@Transactional("notifications")
public class PushSubscriptions {

    /** Push services' endpoints are a few hundred characters; anything far longer is not one. */
    public static final int MAX_ENDPOINT_LENGTH = 2048;

    private static final Logger log = LoggerFactory.getLogger(PushSubscriptions.class);

    private final PushSubscriptionRepository subscriptions;
    private final PersonalDataVault vault;
    private final PushGateway gateway;
    private final PushProperties properties;
    private final JsonMapper json;

    PushSubscriptions(PushSubscriptionRepository subscriptions, @Qualifier("notifications") PersonalDataVault vault,
            PushGateway gateway, PushProperties properties, JsonMapper json) {
        this.subscriptions = subscriptions;
        this.vault = vault;
        this.gateway = gateway;
        this.properties = properties;
        this.json = json;
    }

    /** What a browser's {@code PushSubscription.toJSON()} gives, as stored sealed. */
    record Keys(String endpoint, String p256dh, String auth) {}

    /** A subscription as its person's export shows it. */
    public record SubscriptionData(UUID subscriptionId, UUID institutionId, String endpoint, Instant registeredAt) {}

    /**
     * Registers a browser; the same endpoint registered again replaces its keys. Refuses (400) an endpoint that is not
     * {@code https} (unless loopback {@code http} is allowed for development), or keys that are not a P-256 point and
     * a 16-byte secret.
     */
    public UUID register(UUID institutionId, UUID accountId, String endpoint, String p256dh, String auth) {
        var errors = new ArrayList<Map<String, String>>();
        checkEndpoint(endpoint, errors);
        checkKeys(p256dh, auth, errors);
        if (!errors.isEmpty()) {
            throw PlatformProblems.INVALID_REQUEST.exception("The request has invalid fields").with("errors", errors);
        }
        var id = Ids.next();
        var sealed = vault.seal(accountId, PushSubscription.SUBSCRIPTION, id,
                json.writeValueAsString(new Keys(endpoint, p256dh, auth)));
        subscriptions.upsert(id, institutionId, accountId,
                vault.blindIndex(PushSubscription.ENDPOINT, endpoint), sealed, Times.now());
        return id;
    }

    /** Another account's subscription is a 404, like one that does not exist. */
    public void remove(UUID accountId, UUID id) {
        if (subscriptions.delete(id, accountId) == 0) {
            throw DomainException.notFound("Push subscription", id);
        }
    }

    /** The account's subscriptions in the bound institution. */
    @Transactional(value = "notifications", readOnly = true)
    List<UUID> of(UUID accountId) {
        return subscriptions.idsOf(accountId);
    }

    /**
     * Pushes the notification to the subscription, if it still exists. One its push service no longer knows is
     * removed; a push service that is busy or failing makes this throw, and the delivery is retried.
     */
    void push(NotificationPushQueued event) {
        var subscription = subscriptions.find(event.subscriptionId()).orElse(null);
        if (subscription == null) {
            return;
        }
        var keys = open(subscription);
        if (keys == null) {
            return;
        }
        var payload = new LinkedHashMap<String, Object>();
        payload.put("id", event.notificationId());
        payload.put("category", event.category());
        payload.put("subjectId", event.subjectId());
        payload.put("detail", event.detail());
        var body = WebPushEncryption.encrypt(json.writeValueAsString(payload).getBytes(StandardCharsets.UTF_8),
                decode(keys.p256dh()), decode(keys.auth()));
        switch (gateway.send(URI.create(keys.endpoint()), body, "normal")) {
            case ACCEPTED -> { }
            case GONE -> {
                subscriptions.expire(subscription.id());
                log.info("Removed push subscription {}: its push service no longer knows it", subscription.id());
            }
            case REFUSED -> log.warn("The push service refused notification {} for subscription {}; not retried",
                    event.notificationId(), subscription.id());
        }
    }

    /** The account's subscriptions in every institution (with the person bound as data subject). */
    @Transactional(value = "notifications", readOnly = true)
    public List<SubscriptionData> export(UUID accountId) {
        return subscriptions.subscriptionsOf(accountId).stream().map(s -> {
            var keys = open(s);
            return new SubscriptionData(s.id(), s.institutionId(), keys == null ? null : keys.endpoint(),
                    s.registeredAt());
        }).toList();
    }

    public void erase(UUID accountId) {
        subscriptions.deleteSubscriptionsOf(accountId);
    }

    private Keys open(PushSubscription s) {
        var text = vault.openOrNull(s.accountId(), PushSubscription.SUBSCRIPTION, s.id(), s.subscription());
        return text == null ? null : json.readValue(text, Keys.class);
    }

    private void checkEndpoint(String endpoint, List<Map<String, String>> errors) {
        if (endpoint == null || endpoint.isBlank()) {
            errors.add(error("endpoint", "must not be blank"));
            return;
        }
        if (endpoint.length() > MAX_ENDPOINT_LENGTH) {
            errors.add(error("endpoint", "must be at most " + MAX_ENDPOINT_LENGTH + " characters"));
            return;
        }
        URI uri;
        try {
            uri = new URI(endpoint);
        } catch (java.net.URISyntaxException e) {
            errors.add(error("endpoint", "must be a URI"));
            return;
        }
        var https = "https".equals(uri.getScheme()) && uri.getHost() != null;
        var loopback = properties.allowLoopbackHttp() && "http".equals(uri.getScheme())
                && "127.0.0.1".equals(uri.getHost());
        if ((!https && !loopback) || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            errors.add(error("endpoint", "must be an https URI of a push service"));
        }
    }

    private static void checkKeys(String p256dh, String auth, List<Map<String, String>> errors) {
        try {
            WebPushEncryption.publicKey(decode(p256dh));
        } catch (GeneralSecurityException | IllegalArgumentException | NullPointerException e) {
            errors.add(error("keys.p256dh", "must be base64url of an uncompressed P-256 point"));
        }
        try {
            if (decode(auth).length != 16) {
                errors.add(error("keys.auth", "must be base64url of 16 bytes"));
            }
        } catch (IllegalArgumentException | NullPointerException e) {
            errors.add(error("keys.auth", "must be base64url of 16 bytes"));
        }
    }

    /** Browsers send base64url without padding; padding is tolerated. */
    private static byte[] decode(String base64url) {
        return Base64.getUrlDecoder().decode(base64url.strip().replace("=", ""));
    }

    private static Map<String, String> error(String field, String message) {
        return Map.of("field", field, "message", message);
    }
}
