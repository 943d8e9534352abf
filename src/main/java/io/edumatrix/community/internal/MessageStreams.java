package io.edumatrix.community.internal;

import io.edumatrix.platform.tenancy.TenantContext;
import io.edumatrix.platform.web.PlatformProblems;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The streams open on this instance, by room. A stored message reaches them through {@link #deliver}, called for every
 * notification the database sends (so for messages posted on any instance); each subscriber gets it read afresh as
 * itself, in its own institution, so row-level security and its membership decide what it receives. A reader no longer
 * a member of the room (they left, or were erased) has their stream ended instead.
 *
 * <p>Bounded: a few streams per account and a cap per instance. Stopped before the web server's graceful shutdown,
 * which would otherwise wait for the open streams to end.
 */
@Component
@EnableConfigurationProperties(StreamProperties.class)
class MessageStreams implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MessageStreams.class);
    /** How soon a client whose stream ended (a timeout, a restart) connects again, with its Last-Event-ID. */
    private static final long RECONNECT_MILLIS = 1000;
    private static final int CONCURRENT_READS = 2;

    private final CommunityMessageService messages;
    private final StreamProperties properties;
    private final Semaphore reads = new Semaphore(CONCURRENT_READS);
    private final ConcurrentHashMap<UUID, Set<StreamSubscriber>> byRoom = new ConcurrentHashMap<>();
    /** Made anew at each start: a context can be stopped and started again (the test context cache does). */
    private volatile ExecutorService deliveries;
    private ScheduledExecutorService heartbeats;
    private volatile boolean running;
    private int open;

    MessageStreams(CommunityMessageService messages, StreamProperties properties) {
        this.messages = messages;
        this.properties = properties;
    }

    /**
     * Opens a stream of the room for the reader, first sending what they missed after {@code lastEventId} (oldest
     * first). The subscriber is registered before the missed messages are read, so a message stored meanwhile arrives
     * live if not replayed, and never twice.
     */
    SseEmitter open(UUID roomId, UUID institutionId, UUID accountId, UUID lastEventId) {
        messages.requireReadable(roomId, accountId);
        var subscriber = register(roomId, institutionId, accountId);
        try {
            synchronized (subscriber) {
                subscriber.greet(RECONNECT_MILLIS);
                for (var missed : messages.missed(roomId, accountId, lastEventId)) {
                    subscriber.send(missed);
                }
            }
        } catch (RuntimeException e) {
            remove(subscriber);
            throw e;
        }
        return subscriber.emitter();
    }

    /** A message was stored in the room, on this instance or another. */
    void deliver(UUID roomId, UUID messageId) {
        for (var subscriber : byRoom.getOrDefault(roomId, Set.of())) {
            submit(() -> deliverTo(subscriber, messageId));
        }
    }

    /** After notifications may have been lost: every stream gets what was stored after the last message it got. */
    void catchUp() {
        byRoom.values().forEach(subscribers -> subscribers.forEach(subscriber -> submit(() -> {
            var after = subscriber.lastSent();
            if (after == null) {
                return;
            }
            try {
                var missed = as(subscriber, () -> messages.streamable(subscriber.roomId(), subscriber.accountId())
                        ? messages.missed(subscriber.roomId(), subscriber.accountId(), after) : null);
                if (missed == null) {
                    end(subscriber);
                    return;
                }
                missed.forEach(message -> sendOrEnd(subscriber, message));
            } catch (RuntimeException e) {
                log.warn("Catching up a stream of room {} failed; it continues with live messages", subscriber.roomId(), e);
            }
        })));
    }

    /** Ends the account's streams of the room on this instance, as when they leave it. */
    void endFor(UUID roomId, UUID accountId) {
        byRoom.getOrDefault(roomId, Set.of()).stream().filter(s -> s.accountId().equals(accountId)).forEach(this::end);
    }

    int openStreams() {
        synchronized (byRoom) {
            return open;
        }
    }

    private void deliverTo(StreamSubscriber subscriber, UUID messageId) {
        try {
            var view = as(subscriber, () -> messages.streamable(subscriber.roomId(), subscriber.accountId())
                    ? Optional.of(messages.forStream(subscriber.roomId(), messageId, subscriber.accountId()))
                    : Optional.<Optional<Views.MessageView>>empty());
            if (view.isEmpty()) {
                end(subscriber);
                return;
            }
            view.get().ifPresent(message -> sendOrEnd(subscriber, message));
        } catch (RuntimeException e) {
            log.warn("Delivering message {} to a stream of room {} failed", messageId, subscriber.roomId(), e);
        }
    }

    /** Work for a stream; none once stopping, when every stream is being ended anyway. */
    private void submit(Runnable work) {
        try {
            deliveries.execute(work);
        } catch (RejectedExecutionException stopping) {
            // Stopped meanwhile: the streams are ended and their clients reconnect.
        }
    }

    private void sendOrEnd(StreamSubscriber subscriber, Views.MessageView message) {
        if (!subscriber.send(message)) {
            end(subscriber);
        }
    }

    /**
     * Runs a read as the subscriber, in their institution. At most {@link #CONCURRENT_READS} at once, so that a message
     * to a crowded room does not take every connection of the module's pool from the requests.
     */
    private <T> T as(StreamSubscriber subscriber, java.util.function.Supplier<T> read) {
        reads.acquireUninterruptibly();
        try {
            return TenantContext.of(subscriber.institutionId(), subscriber.accountId(), null).run(read::get);
        } finally {
            reads.release();
        }
    }

    private StreamSubscriber register(UUID roomId, UUID institutionId, UUID accountId) {
        var emitter = new SseEmitter(properties.timeout().toMillis());
        var subscriber = new StreamSubscriber(roomId, institutionId, accountId, emitter);
        synchronized (byRoom) {
            if (!running) {
                throw PlatformProblems.SERVICE_UNAVAILABLE.exception("This instance is shutting down; connect again");
            }
            if (open >= properties.perInstance()) {
                throw PlatformProblems.SERVICE_UNAVAILABLE.exception(
                        "This instance serves " + open + " streams, as many as it may; try again later");
            }
            var ofAccount = byRoom.values().stream().flatMap(Set::stream)
                    .filter(s -> s.accountId().equals(accountId)).count();
            if (ofAccount >= properties.perAccount()) {
                throw CommunityProblems.TOO_MANY_STREAMS.exception("Account " + accountId + " has " + ofAccount
                        + " streams open, as many as it may; close one first");
            }
            byRoom.computeIfAbsent(roomId, room -> ConcurrentHashMap.newKeySet()).add(subscriber);
            open++;
        }
        emitter.onCompletion(() -> remove(subscriber));
        emitter.onTimeout(subscriber::complete);
        emitter.onError(failure -> remove(subscriber));
        return subscriber;
    }

    private void end(StreamSubscriber subscriber) {
        remove(subscriber);
        subscriber.complete();
    }

    private void remove(StreamSubscriber subscriber) {
        synchronized (byRoom) {
            var subscribers = byRoom.get(subscriber.roomId());
            if (subscribers != null && subscribers.remove(subscriber)) {
                open--;
                if (subscribers.isEmpty()) {
                    byRoom.remove(subscriber.roomId());
                }
            }
        }
    }

    private void heartbeat() {
        byRoom.values().forEach(subscribers -> subscribers.forEach(subscriber -> {
            if (!subscriber.heartbeat()) {
                end(subscriber);
            }
        }));
    }

    @Override
    public void start() {
        var period = properties.heartbeat().toMillis();
        deliveries = Executors.newVirtualThreadPerTaskExecutor();
        heartbeats = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("community-stream-heartbeat").factory());
        heartbeats.scheduleAtFixedRate(this::heartbeat, period, period, TimeUnit.MILLISECONDS);
        synchronized (byRoom) {
            running = true;
        }
    }

    /** Ends every stream (clients reconnect, to another instance) and stops the heartbeats and deliveries. */
    @Override
    public void stop() {
        List<StreamSubscriber> all;
        synchronized (byRoom) {
            running = false;
            all = byRoom.values().stream().flatMap(Set::stream).toList();
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
