package violations.platform;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** The allowed way: only the platform touches data sources. */
public class PlatformOpensConnections {

    private final DataSource dataSource;

    public PlatformOpensConnections(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Connection open() throws SQLException {
        return dataSource.getConnection();
    }
}
