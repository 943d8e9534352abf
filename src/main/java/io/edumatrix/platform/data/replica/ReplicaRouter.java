package io.edumatrix.platform.data.replica;


import io.micrometer.core.instrument.Counter;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.AbstractDataSource;

/**
 * A module's read-only connections: from its replica pool while the replica is {@link ReplicaMonitor#usable usable},
 * else from its primary pool, counting each such read. A read never fails because of the replica: a replica pool that
 * cannot hand out a connection sends that read, and the ones after it, to the primary.
 */
final class ReplicaRouter extends AbstractDataSource {

    private final DataSource replica;
    private final DataSource primary;
    private final ReplicaMonitor monitor;
    private final Counter lagging;
    private final Counter down;

    ReplicaRouter(DataSource replica, DataSource primary, ReplicaMonitor monitor, Counter lagging, Counter down) {
        this.replica = replica;
        this.primary = primary;
        this.monitor = monitor;
        this.lagging = lagging;
        this.down = down;
    }

    @Override
    public Connection getConnection() throws SQLException {
        switch (monitor.state()) {
            case UP -> {
                try {
                    return replica.getConnection();
                } catch (SQLException e) {
                    monitor.down(e);
                    down.increment();
                }
            }
            case LAGGING -> lagging.increment();
            case DOWN -> down.increment();
        }
        return primary.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new UnsupportedOperationException("Module connections log in as the module's role");
    }
}
