package io.edumatrix.platform.live;

import io.edumatrix.platform.tenancy.TenantContext;
import io.edumatrix.platform.web.PlatformProblems;
import io.edumatrix.platform.domain.ProblemType;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.springframework.context.SmartLifecycle;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live streams one module holds open on this instance, by a key of the module's (a room, an account). It opens them
 * within limits, sends idle ones heartbeats, runs the module's deliveries off the thread that announced them, and ends
 * every stream before the web server's graceful shutdown, which would otherwise wait for them. The module keeps what is
 * its own: what a stream is keyed by, who may open one, what it replays on a reconnect and what it delivers.
 *
 * <p>Bounded: a few streams per account and a cap per instance.
 */
public abstract class LiveStreams<S extends LiveStream> implements SmartLifecycle {

    /** The limits of a module's streams; the module's configuration properties implement it. */
    public interface Limits {

        /** How long one stream stays open before the client reconnects. */
        Duration timeout();

        /** How often an idle stream gets a comment, so proxies keep it and a gone client is noticed. */
        Duration heartbeat();

        /** Open streams one account may hold on this instance. */
        int perAccount();

        /** Open streams this instance holds at most. */
        int perInstance();
    }

    private static final int CONCURRENT_READS = 2;

    private final String module;
    private final String streamsName;
    private final Limits limits;
    private final ProblemType tooManyStreams;
    private final Function<S, UUID> keyOf;
    private final Semaphore reads = new Semaphore(CONCURRENT_READS);
    private final ConcurrentHashMap<UUID, Set<S>> byKey = new ConcurrentHashMap<>();
    /** Made anew at each start: a context can be stopped and started again (the test context cache does). */
    private volatile ExecutorService deliveries;
    private ScheduledExecutorService heartbeats;
    private volatile boolean running;
    private int open;

    /**
     * @param module names the heartbeat thread
     * @param streamsName what the problem of an account holding too many streams calls them ("notification streams")
     * @param tooManyStreams the module's problem for an account holding too many streams
     * @param keyOf the key a stream is held by
     */
    protected LiveStreams(String module, String streamsName, Limits limits, ProblemType tooManyStreams,
            Function<S, UUID> keyOf) {
        this.module = module;
        this.streamsName = streamsName;
        this.limits = limits;
        this.tooManyStreams = tooManyStreams;
        this.keyOf = keyOf;
    }

    /**
     * Holds a new stream, which {@code newStream} makes around a new emitter, and ends it when its client goes or its
     * time is up. Refused (503) while this instance shuts down or holds as many streams as it may, and with the
     * module's problem when the stream's account holds as many as it may.
     */
    protected final S register(Function<SseEmitter, S> newStream) {
        var stream = newStream.apply(new SseEmitter(limits.timeout().toMillis()));
        synchronized (byKey) {
            if (!running) {
                throw PlatformProblems.SERVICE_UNAVAILABLE.exception("This instance is shutting down; connect again");
            }
            if (open >= limits.perInstance()) {
                throw PlatformProblems.SERVICE_UNAVAILABLE.exception(
                        "This instance serves " + open + " streams, as many as it may; try again later");
            }
            var ofAccount = streams().filter(s -> s.accountId().equals(stream.accountId())).count();
            if (ofAccount >= limits.perAccount()) {
                throw tooManyStreams.exception("Account " + stream.accountId() + " has " + ofAccount + " "
                        + streamsName + " open, as many as it may; close one first");
            }
            byKey.computeIfAbsent(keyOf.apply(stream), key -> ConcurrentHashMap.newKeySet()).add(stream);
            open++;
        }
        stream.emitter().onCompletion(() -> remove(stream));
        stream.emitter().onTimeout(stream::complete);
        stream.emitter().onError(failure -> remove(stream));
        return stream;
    }

    /** The streams held by {@code key}. */
    protected final Stream<S> streams(UUID key) {
        return byKey.getOrDefault(key, Set.of()).stream();
    }

    protected final Stream<S> streams() {
        return byKey.values().stream().flatMap(Set::stream);
    }

    /** Work for a stream, on a virtual thread; none once stopping, when every stream is being ended anyway. */
    protected final void submit(Runnable work) {
        try {
            deliveries.execute(work);
        } catch (RejectedExecutionException stopping) {
            // Stopped meanwhile: the streams are ended and their clients reconnect.
        }
    }

    /**
     * Runs a read as the stream's reader, in their institution, so row-level security decides what they get. At most
     * {@link #CONCURRENT_READS} at once, so that an event for many streams does not take every connection of the
     * module's pool from the requests.
     */
    protected final <T> T readAs(LiveStream stream, Supplier<T> read) {
        reads.acquireUninterruptibly();
        try {
            return TenantContext.of(stream.institutionId(), stream.accountId(), null).run(read::get);
        } finally {
            reads.release();
        }
    }

    /** Stops holding the stream and completes it; its client reconnects. */
    protected final void end(S stream) {
        remove(stream);
        stream.complete();
    }

    /** Stops holding the stream, leaving its response as it is (to a request that failed while opening it). */
    protected final void remove(S stream) {
        synchronized (byKey) {
            var key = keyOf.apply(stream);
            var held = byKey.get(key);
            if (held != null && held.remove(stream)) {
                open--;
                if (held.isEmpty()) {
                    byKey.remove(key);
                }
            }
        }
    }

    private void heartbeat() {
        streams().forEach(stream -> {
            if (!stream.heartbeat()) {
                end(stream);
            }
        });
    }

    @Override
    public final void start() {
        var period = limits.heartbeat().toMillis();
        deliveries = Executors.newVirtualThreadPerTaskExecutor();
        heartbeats = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name(module + "-stream-heartbeat").factory());
        heartbeats.scheduleAtFixedRate(this::heartbeat, period, period, TimeUnit.MILLISECONDS);
        synchronized (byKey) {
            running = true;
        }
    }

    /** Ends every stream (clients reconnect, to another instance) and stops the heartbeats and deliveries. */
    @Override
    public final void stop() {
        List<S> all;
        synchronized (byKey) {
            running = false;
            all = streams().toList();
        }
        all.forEach(this::end);
        heartbeats.shutdownNow();
        deliveries.shutdownNow();
    }

    @Override
    public final boolean isRunning() {
        return running;
    }

    /** Before the web server's graceful shutdown (DEFAULT_PHASE - 1024), which waits for open requests. */
    @Override
    public final int getPhase() {
        return DEFAULT_PHASE - 512;
    }
}
