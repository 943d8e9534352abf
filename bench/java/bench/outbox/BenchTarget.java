package bench.outbox;

import java.sql.Connection;
import java.sql.SQLException;

/** One way of publishing and delivering events, started in its own Spring context. */
interface BenchTarget extends AutoCloseable {

    String name();

    /** Publishes one event in a transaction of its own and returns its id (recorded in {@link Probe}). */
    void publishOne();

    /** Publications completed so far (their completion recorded in the outbox). */
    long completed(Connection admin) throws SQLException;

    /** Empties the outbox, inbox and effect tables between rounds. */
    void clear(Connection admin) throws SQLException;

    @Override
    void close();
}
