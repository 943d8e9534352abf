package io.edumatrix.community.internal;

import io.edumatrix.platform.data.DedicatedConnections;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Listens for {@link MessageNotices} on a session of the module's own, outside its pool (LISTEN holds a session for as
 * long as it listens), and hands each to the local {@link MessageStreams}. One platform daemon thread waits for
 * notifications in short polls, so it notices a stop within one poll and never holds the JVM open. A lost connection
 * is opened again after a pause; the streams then catch up on whatever was stored while nobody listened.
 */
@Component
class MessageNoticeListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MessageNoticeListener.class);
    private static final int POLL_MILLIS = 250;

    private final DedicatedConnections connections;
    private final MessageStreams streams;
    private final StreamProperties properties;
    private volatile boolean running;
    private volatile boolean listening;
    private Thread thread;

    MessageNoticeListener(DedicatedConnections connections, MessageStreams streams, StreamProperties properties) {
        this.connections = connections;
        this.streams = streams;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = Thread.ofPlatform().daemon().name("community-message-notices").start(this::listenUntilStopped);
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
    boolean listening() {
        return listening;
    }

    private void listenUntilStopped() {
        var reconnect = false;
        while (running) {
            try (var connection = connections.open("community", "notices")) {
                try (var statement = connection.createStatement()) {
                    statement.execute("LISTEN " + MessageNotices.CHANNEL);
                }
                listening = true;
                if (reconnect) {
                    streams.catchUp();
                }
                poll(connection);
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn("The community message listener lost its connection; connecting again in {}",
                            properties.reconnectDelay(), e);
                }
            } finally {
                listening = false;
            }
            reconnect = true;
            pause();
        }
    }

    private void poll(Connection connection) throws SQLException {
        var notices = connection.unwrap(PGConnection.class);
        while (running) {
            var received = notices.getNotifications(POLL_MILLIS);
            if (received == null) {
                continue;
            }
            for (var notice : received) {
                handle(notice.getParameter());
            }
        }
    }

    private void handle(String payload) {
        var separator = payload.indexOf(':');
        try {
            streams.deliver(UUID.fromString(payload.substring(0, separator)),
                    UUID.fromString(payload.substring(separator + 1)));
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            log.warn("Ignored a notice on {} that names no room and message: {}", MessageNotices.CHANNEL, payload);
        }
    }

    private void pause() {
        if (!running) {
            return;
        }
        try {
            Thread.sleep(properties.reconnectDelay());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
