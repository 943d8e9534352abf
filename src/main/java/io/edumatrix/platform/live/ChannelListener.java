package io.edumatrix.platform.live;

import io.edumatrix.platform.data.DedicatedConnections;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * LISTENs on one PostgreSQL notification channel, on a session of the module's own outside its pool (LISTEN holds a
 * session for as long as it listens; the module declares it as a dedicated connection), and hands each payload to
 * {@code notices}. One platform daemon thread waits for notifications in short polls, so it notices a stop within one
 * poll and never holds the JVM open. A lost connection is opened again after {@code reconnectDelay}; {@code
 * reconnected} then runs, since whatever was announced meanwhile was lost. A module declares one as a bean; its session
 * is named {@code <module>-notices} in pg_stat_activity.
 */
public final class ChannelListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ChannelListener.class);
    private static final int POLL_MILLIS = 250;
    private static final Pattern CHANNEL = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final DedicatedConnections connections;
    private final String module;
    private final String channel;
    private final Duration reconnectDelay;
    private final Consumer<String> notices;
    private final Runnable reconnected;
    private volatile boolean running;
    private volatile boolean listening;
    private Thread thread;

    public ChannelListener(DedicatedConnections connections, String module, String channel, Duration reconnectDelay,
            Consumer<String> notices, Runnable reconnected) {
        if (!CHANNEL.matcher(channel).matches()) {
            throw new IllegalArgumentException("Not a plain lower-case channel name: " + channel);
        }
        this.connections = connections;
        this.module = module;
        this.channel = channel;
        this.reconnectDelay = reconnectDelay;
        this.notices = notices;
        this.reconnected = reconnected;
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = Thread.ofPlatform().daemon().name(module + "-notices").start(this::listenUntilStopped);
    }

    @Override
    public void stop() {
        Thread listener;
        synchronized (this) {
            running = false;
            listener = thread;
        }
        if (listener != null) {
            try {
                listener.join(POLL_MILLIS * 8L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops with the streams, before the pools close (they close when the beans are destroyed, after every phase). */
    @Override
    public int getPhase() {
        return DEFAULT_PHASE - 512;
    }

    /** Whether the listener holds a connection and listens; for tests and health. */
    public boolean listening() {
        return listening;
    }

    private void listenUntilStopped() {
        var reconnect = false;
        while (running) {
            try (var connection = connections.open(module, "notices")) {
                try (var statement = connection.createStatement()) {
                    statement.execute("LISTEN " + channel);
                }
                listening = true;
                if (reconnect) {
                    reconnected.run();
                }
                poll(connection);
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn("The listener of {} lost its connection; connecting again in {}", channel, reconnectDelay,
                            e);
                }
            } finally {
                listening = false;
            }
            reconnect = true;
            pause();
        }
    }

    private void poll(Connection connection) throws SQLException {
        var session = connection.unwrap(PGConnection.class);
        while (running) {
            var received = session.getNotifications(POLL_MILLIS);
            if (received == null) {
                continue;
            }
            for (var notice : received) {
                try {
                    notices.accept(notice.getParameter());
                } catch (RuntimeException e) {
                    log.warn("A notice on {} was not handled: {}", channel, notice.getParameter(), e);
                }
            }
        }
    }

    private void pause() {
        if (!running) {
            return;
        }
        try {
            Thread.sleep(reconnectDelay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
