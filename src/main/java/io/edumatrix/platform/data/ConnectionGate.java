package io.edumatrix.platform.data;

import com.zaxxer.hikari.HikariDataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Where a move holds the module's callers (ADR 0030, ADR 0040). Open, it lets every caller through to the pool, which
 * queues them itself (so its metrics show them). Before a cut-over it turns queueing: a caller goes on only when a
 * connection is free, the others wait here, first come first served, as long as the pool would have let them; once no
 * caller waits inside the pool, the gate closes, and the pause waits only for the transactions that hold a connection,
 * not for a queue of callers that would each have had to run first.
 */
final class ConnectionGate extends DelegatingDataSource {

    private final HikariDataSource pool;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<Condition> queue = new ArrayDeque<>();
    private boolean queueing;
    private boolean closed;
    /** Callers inside the pool's getConnection, waiting for a connection. */
    private int waiting;
    /** Connections taken through the gate and not yet closed. */
    private int holding;

    ConnectionGate(HikariDataSource pool) {
        super(pool);
        this.pool = pool;
    }

    @Override
    public Connection getConnection() throws SQLException {
        enter();
        return taken(() -> pool.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        enter();
        return taken(() -> pool.getConnection(username, password));
    }

    /**
     * Makes callers wait here unless a connection is free, and returns once none waits inside the pool (bounded by the
     * pool's own connection timeout, after which such a caller has given up anyway).
     */
    void queueHere() throws InterruptedException {
        lock.lock();
        try {
            queueing = true;
            long left = TimeUnit.MILLISECONDS.toNanos(pool.getConnectionTimeout());
            while (waiting > 0 && left > 0) {
                left = changed.awaitNanos(left);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Closes the gate and returns once every connection taken through it is back; reopens it on a timeout. */
    void close(Duration timeout) throws TimeoutException, InterruptedException {
        lock.lock();
        try {
            queueing = true;
            closed = true;
            long left = timeout.toNanos();
            while (holding + waiting > 0) {
                if (left <= 0) {
                    var running = holding + waiting;
                    open();
                    throw new TimeoutException(running + " transactions still held a connection after " + timeout.toMillis()
                            + " ms");
                }
                left = changed.awaitNanos(left);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Lets every caller through to the pool again. */
    void open() {
        lock.lock();
        try {
            closed = false;
            queueing = false;
            admitNext();
        } finally {
            lock.unlock();
        }
    }

    private void enter() throws SQLException {
        lock.lock();
        try {
            if (mayEnter() && queue.isEmpty()) {
                waiting++;
                return;
            }
            var turn = lock.newCondition();
            queue.addLast(turn);
            try {
                long left = TimeUnit.MILLISECONDS.toNanos(pool.getConnectionTimeout());
                while (!mayEnter() || queue.peekFirst() != turn) {
                    if (left <= 0) {
                        // What the pool itself throws when it has no connection in time: an outage to the caller (503).
                        throw new SQLTransientConnectionException(pool.getPoolName() + " - Connection is not available,"
                                + " request timed out after " + pool.getConnectionTimeout() + "ms" + (closed
                                        ? " (held while the module moves)" : ""));
                    }
                    left = turn.awaitNanos(left);
                }
                waiting++;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("Interrupted while waiting for a connection of pool " + pool.getPoolName(), e);
            } finally {
                queue.remove(turn);
                admitNext();
            }
        } finally {
            lock.unlock();
        }
    }

    private boolean mayEnter() {
        return !closed && (!queueing || waiting + holding < pool.getMaximumPoolSize());
    }

    private Connection taken(PoolConnection source) throws SQLException {
        Connection connection;
        try {
            connection = source.get();
        } catch (SQLException | RuntimeException | Error e) {
            update(-1, 0);
            throw e;
        }
        update(-1, 1);
        return returnedOnClose(connection);
    }

    private void update(int waitingBy, int holdingBy) {
        lock.lock();
        try {
            waiting += waitingBy;
            holding += holdingBy;
            changed.signalAll();
            admitNext();
        } finally {
            lock.unlock();
        }
    }

    /** Wakes the first waiting caller if it may go; called with the lock held. */
    private void admitNext() {
        if (!queue.isEmpty() && mayEnter()) {
            queue.peekFirst().signal();
        }
    }

    private interface PoolConnection {
        Connection get() throws SQLException;
    }

    /** The pool's connection, which gives its place at the gate back when it is closed (once). */
    private Connection returnedOnClose(Connection connection) {
        var returned = new AtomicBoolean();
        return (Connection) Proxy.newProxyInstance(ConnectionGate.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "equals" -> {
                            return proxy == args[0];
                        }
                        case "hashCode" -> {
                            return System.identityHashCode(proxy);
                        }
                        case "unwrap" -> {
                            if (((Class<?>) args[0]).isInstance(proxy)) {
                                return proxy;
                            }
                        }
                        default -> { }
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    } finally {
                        if (method.getName().equals("close") && returned.compareAndSet(false, true)) {
                            update(0, -1);
                        }
                    }
                });
    }
}
