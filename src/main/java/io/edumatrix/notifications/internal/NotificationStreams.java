package io.edumatrix.notifications.internal;

import io.edumatrix.notifications.internal.Views.NotificationView;
import io.edumatrix.platform.data.DedicatedConnections;
import io.edumatrix.platform.live.ChannelListener;
import io.edumatrix.platform.tenancy.TenantContext;
import io.edumatrix.platform.web.PlatformProblems;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live notification streams open on this instance, by account. A stored notification reaches them through
 * {@link #deliver}, called for every notice the database sends (so for notifications made on any instance): a personal
 * one goes to its recipient's streams, a broadcast to every stream of its institution, each read afresh as its reader
 * (row-level security and the reader's preferences decide). A stream carries only what is new: after a reconnect the
 * client reads the list for what it missed.
 *
 * <p>Bounded: a few streams per account and a cap per instance. Stopped before the web server's graceful shutdown,
 * which would otherwise wait for the open streams to end.
 */
@Component
@EnableConfigurationProperties(StreamProperties.class)
class NotificationStreams implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(NotificationStreams.class);
    private static final long RECONNECT_MILLIS = 1000;
    private static final int CONCURRENT_READS = 2;

    private final NotificationService notifications;
    private final StreamProperties properties;
    private final Semaphore reads = new Semaphore(CONCURRENT_READS);
    private final ConcurrentHashMap<UUID, Set<Subscriber>> byAccount = new ConcurrentHashMap<>();
    private volatile ExecutorService deliveries;
    private ScheduledExecutorService heartbeats;
    private volatile boolean running;
    private int open;

    NotificationStreams(NotificationService notifications, StreamProperties properties) {
        this.notifications = notifications;
        this.properties = properties;
    }

    /** The LISTEN session that brings every instance's new notifications here. */
    @Configuration(proxyBeanMethods = false)
    static class Notices {

        @Bean
        ChannelListener notificationNoticeListener(DedicatedConnections connections, NotificationStreams streams,
                StreamProperties properties) {
            return new ChannelListener(connections, "notifications", NotificationNotices.CHANNEL,
                    properties.reconnectDelay(), streams::deliver, () -> { });
        }
    }

    /** One open stream: the reader it reads as, and its emitter. Sends are serialised. */
    private record Subscriber(UUID institutionId, UUID accountId, SseEmitter emitter) {

        boolean send(SseEmitter.SseEventBuilder event) {
            synchronized (emitter) {
                try {
                    emitter.send(event);
                    return true;
                } catch (IOException | IllegalStateException e) {
                    return false;
                }
            }
        }

        void complete() {
            try {
                emitter.complete();
            } catch (IllegalStateException alreadyDone) {
                // Completed by the container meanwhile: nothing left to end.
            }
        }
    }

    SseEmitter open(UUID institutionId, UUID accountId) {
        var subscriber = register(institutionId, accountId);
        // The first bytes: without them the response may sit in a buffer until the first notification.
        subscriber.send(SseEmitter.event().comment("connected").reconnectTime(RECONNECT_MILLIS));
        return subscriber.emitter();
    }

    /** A notice: {@code <institutionId>:<recipient or *>:<notificationId>}. */
    void deliver(String payload) {
        var parts = payload.split(":");
        if (parts.length != 3) {
            log.warn("Ignored a notice on {} that names no notification: {}", NotificationNotices.CHANNEL, payload);
            return;
        }
        var institution = UUID.fromString(parts[0]);
        var id = UUID.fromString(parts[2]);
        var recipients = parts[1].equals(NotificationNotices.BROADCAST)
                ? byAccount.values().stream().flatMap(Set::stream).filter(s -> s.institutionId().equals(institution))
                : byAccount.getOrDefault(UUID.fromString(parts[1]), Set.of()).stream()
                        .filter(s -> s.institutionId().equals(institution));
        recipients.forEach(subscriber -> submit(() -> deliverTo(subscriber, id)));
    }

    int openStreams() {
        synchronized (byAccount) {
            return open;
        }
    }

    private void deliverTo(Subscriber subscriber, UUID id) {
        try {
            Optional<NotificationView> view;
            reads.acquireUninterruptibly();
            try {
                view = TenantContext.of(subscriber.institutionId(), subscriber.accountId(), null)
                        .run(() -> notifications.one(subscriber.accountId(), id));
            } finally {
                reads.release();
            }
            view.ifPresent(n -> {
                if (!subscriber.send(SseEmitter.event().id(n.id().toString()).name("notification").data(n))) {
                    end(subscriber);
                }
            });
        } catch (RuntimeException e) {
            log.warn("Delivering notification {} to a stream failed", id, e);
        }
    }

    private void submit(Runnable work) {
        try {
            deliveries.execute(work);
        } catch (RejectedExecutionException stopping) {
            // Stopped meanwhile: the streams are ended and their clients reconnect.
        }
    }

    private Subscriber register(UUID institutionId, UUID accountId) {
        var subscriber = new Subscriber(institutionId, accountId, new SseEmitter(properties.timeout().toMillis()));
        synchronized (byAccount) {
            if (!running) {
                throw PlatformProblems.SERVICE_UNAVAILABLE.exception("This instance is shutting down; connect again");
            }
            if (open >= properties.perInstance()) {
                throw PlatformProblems.SERVICE_UNAVAILABLE.exception(
                        "This instance serves " + open + " streams, as many as it may; try again later");
            }
            var ofAccount = byAccount.getOrDefault(accountId, Set.of()).size();
            if (ofAccount >= properties.perAccount()) {
                throw NotificationsProblems.TOO_MANY_STREAMS.exception("Account " + accountId + " has " + ofAccount
                        + " notification streams open, as many as it may; close one first");
            }
            byAccount.computeIfAbsent(accountId, account -> ConcurrentHashMap.newKeySet()).add(subscriber);
            open++;
        }
        subscriber.emitter().onCompletion(() -> remove(subscriber));
        subscriber.emitter().onTimeout(subscriber::complete);
        subscriber.emitter().onError(failure -> remove(subscriber));
        return subscriber;
    }

    private void end(Subscriber subscriber) {
        remove(subscriber);
        subscriber.complete();
    }

    private void remove(Subscriber subscriber) {
        synchronized (byAccount) {
            var subscribers = byAccount.get(subscriber.accountId());
            if (subscribers != null && subscribers.remove(subscriber)) {
                open--;
                if (subscribers.isEmpty()) {
                    byAccount.remove(subscriber.accountId());
                }
            }
        }
    }

    private void heartbeat() {
        byAccount.values().forEach(subscribers -> subscribers.forEach(subscriber -> {
            if (!subscriber.send(SseEmitter.event().comment("heartbeat"))) {
                end(subscriber);
            }
        }));
    }

    @Override
    public void start() {
        var period = properties.heartbeat().toMillis();
        deliveries = Executors.newVirtualThreadPerTaskExecutor();
        heartbeats = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("notifications-stream-heartbeat").factory());
        heartbeats.scheduleAtFixedRate(this::heartbeat, period, period, TimeUnit.MILLISECONDS);
        synchronized (byAccount) {
            running = true;
        }
    }

    /** Ends every stream (clients reconnect, to another instance) and stops the heartbeats and deliveries. */
    @Override
    public void stop() {
        List<Subscriber> all;
        synchronized (byAccount) {
            running = false;
            all = byAccount.values().stream().flatMap(Set::stream).toList();
        }
        all.forEach(this::end);
        heartbeats.shutdownNow();
        deliveries.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the web server's graceful shutdown (DEFAULT_PHASE - 1024), which waits for open requests. */
    @Override
    public int getPhase() {
        return DEFAULT_PHASE - 512;
    }
}
