package io.edumatrix.notifications.internal;

import io.edumatrix.notifications.internal.Views.ChannelsView;
import io.edumatrix.notifications.internal.Views.DeviceView;
import io.edumatrix.notifications.internal.Views.PushSubscriptionView;
import io.edumatrix.notifications.internal.Views.VapidKeyView;
import io.edumatrix.notifications.internal.delivery.DeliveryPreferences;
import io.edumatrix.notifications.internal.delivery.DeliveryPreferences.Channels;
import io.edumatrix.notifications.internal.delivery.EmailMode;
import io.edumatrix.notifications.internal.delivery.PushSubscriptions;
import io.edumatrix.notifications.internal.delivery.VapidKeys;
import io.edumatrix.platform.security.Anonymous;
import io.edumatrix.notifications.internal.Views.NotificationPage;
import io.edumatrix.platform.security.Callers;
import io.edumatrix.platform.security.Member;
import io.edumatrix.platform.web.Page;
import io.edumatrix.platform.web.PlatformProblems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The caller's notifications in the token's institution: their own and the institution's broadcasts. Everything here
 * is the caller's, so no endpoint names another account.
 */
@RestController
@RequestMapping("/api/notifications")
class NotificationsController {

    private final NotificationService notifications;
    private final PreferenceService preferences;
    private final DeviceService devices;
    private final NotificationStreams streams;
    private final PushSubscriptions subscriptions;
    private final DeliveryPreferences deliveryPreferences;
    private final VapidKeys vapid;

    NotificationsController(NotificationService notifications, PreferenceService preferences, DeviceService devices,
            NotificationStreams streams, PushSubscriptions subscriptions, DeliveryPreferences deliveryPreferences,
            VapidKeys vapid) {
        this.notifications = notifications;
        this.preferences = preferences;
        this.devices = devices;
        this.streams = streams;
        this.subscriptions = subscriptions;
        this.deliveryPreferences = deliveryPreferences;
        this.vapid = vapid;
    }

    record RegisterDevice(@NotBlank @Size(max = 4096) String token, @NotNull DeviceToken.Platform platform) {}

    /** As a browser's {@code PushSubscription.toJSON()} gives it (its {@code expirationTime} is ignored). */
    record Subscribe(@NotBlank @Size(max = PushSubscriptions.MAX_ENDPOINT_LENGTH) String endpoint,
            @NotNull @Valid SubscriptionKeys keys) {}

    record SubscriptionKeys(@NotBlank @Size(max = 200) String p256dh, @NotBlank @Size(max = 100) String auth) {}

    /** A category's channels to change; a channel left out stays as it was. */
    record ChannelsChange(Boolean push, EmailMode email) {}

    /** Unread first, then newest first; {@code after} is the {@code next} of the previous page. */
    @GetMapping
    @Member
    NotificationPage list(@RequestParam(required = false) @Size(max = 64) String after,
            @RequestParam(defaultValue = Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit) {
        return notifications.list(Callers.require().accountId(), after, limit);
    }

    /** The caller's new notifications as they are made, as server-sent events {@code notification}. */
    @GetMapping(value = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Member
    SseEmitter stream() {
        var caller = Callers.require();
        return streams.open(caller.institutionId().orElseThrow(), caller.accountId());
    }

    @PostMapping("/{id}/read")
    @Member
    ResponseEntity<Void> markRead(@PathVariable UUID id) {
        notifications.markRead(Callers.require().accountId(), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/read-all")
    @Member
    ResponseEntity<Void> markAllRead() {
        notifications.markAllRead(Callers.require().accountId());
        return ResponseEntity.noContent().build();
    }

    /** Every category, {@code true} for on (the default). */
    @GetMapping("/preferences")
    @Member
    Map<Category, Boolean> preferences() {
        return preferences.of(Callers.require().accountId());
    }

    /** The categories to switch on ({@code true}) or off; the ones not named stay as they were. Answers them all. */
    @PutMapping("/preferences")
    @Member
    Map<Category, Boolean> changePreferences(@RequestBody Map<Category, Boolean> changes) {
        changes.forEach((category, on) -> {
            if (on == null) {
                throw PlatformProblems.INVALID_REQUEST.exception("The request has invalid fields").with("errors",
                        List.of(Map.of("field", category.name(), "message", "must be true or false")));
            }
        });
        var caller = Callers.require();
        return preferences.change(caller.institutionId().orElseThrow(), caller.accountId(), changes);
    }

    /** Every category's channels besides the in-app list: {@code push} (on by default) and {@code email}. */
    @GetMapping("/preferences/delivery")
    @Member
    Map<Category, ChannelsView> deliveryPreferences() {
        return channelsOf(Callers.require().accountId());
    }

    /** The categories whose channels change; the ones not named stay as they were. Answers them all. */
    @PutMapping("/preferences/delivery")
    @Member
    Map<Category, ChannelsView> changeDeliveryPreferences(@RequestBody Map<Category, ChannelsChange> changes) {
        var caller = Callers.require();
        var current = deliveryPreferences.of(caller.accountId(), names(changes.keySet().stream().toList()));
        var changed = new LinkedHashMap<String, Channels>();
        changes.forEach((category, change) -> {
            if (change == null) {
                throw PlatformProblems.INVALID_REQUEST.exception("The request has invalid fields").with("errors",
                        List.of(Map.of("field", category.name(), "message", "must be an object {push, email}")));
            }
            changed.put(category.name(), current.get(category.name()).with(change.push(), change.email()));
        });
        deliveryPreferences.change(caller.institutionId().orElseThrow(), caller.accountId(), changed);
        return channelsOf(caller.accountId());
    }

    /** The key a browser subscribes with ({@code applicationServerKey}); public, so a service worker can fetch it. */
    @GetMapping("/push-subscriptions/vapid-public-key")
    @Anonymous
    VapidKeyView vapidPublicKey() {
        return new VapidKeyView(vapid.publicKey());
    }

    /** The endpoint and keys are kept sealed and never shown again (but in the person's export). */
    @PostMapping("/push-subscriptions")
    @Member
    ResponseEntity<PushSubscriptionView> subscribe(@Valid @RequestBody Subscribe request) {
        var caller = Callers.require();
        var id = subscriptions.register(caller.institutionId().orElseThrow(), caller.accountId(), request.endpoint(),
                request.keys().p256dh(), request.keys().auth());
        return ResponseEntity.created(URI.create("/api/notifications/push-subscriptions/" + id))
                .body(new PushSubscriptionView(id));
    }

    @DeleteMapping("/push-subscriptions/{id}")
    @Member
    ResponseEntity<Void> unsubscribe(@PathVariable UUID id) {
        subscriptions.remove(Callers.require().accountId(), id);
        return ResponseEntity.noContent().build();
    }

    /** The token is kept sealed and never shown again. */
    @PostMapping("/devices")
    @Member
    ResponseEntity<DeviceView> registerDevice(@Valid @RequestBody RegisterDevice request) {
        var caller = Callers.require();
        var device = devices.register(caller.institutionId().orElseThrow(), caller.accountId(), request.platform(),
                request.token());
        return ResponseEntity.created(URI.create("/api/notifications/devices/" + device.id())).body(device);
    }

    @DeleteMapping("/devices/{id}")
    @Member
    ResponseEntity<Void> removeDevice(@PathVariable UUID id) {
        devices.remove(Callers.require().accountId(), id);
        return ResponseEntity.noContent().build();
    }

    private Map<Category, ChannelsView> channelsOf(UUID accountId) {
        var channels = deliveryPreferences.of(accountId, names(Arrays.asList(Category.values())));
        var views = new EnumMap<Category, ChannelsView>(Category.class);
        channels.forEach((name, c) -> views.put(Category.valueOf(name), new ChannelsView(c.push(), c.email())));
        return views;
    }

    private static List<String> names(List<Category> categories) {
        return categories.stream().map(Category::name).toList();
    }
}
