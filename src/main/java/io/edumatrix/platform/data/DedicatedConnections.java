package io.edumatrix.platform.data;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * A module's long-lived session outside its pool, for what a pooled connection cannot do: {@code LISTEN}, which holds
 * the session for as long as it listens. It logs in as the module's app role, so it sees what the module's pool sees
 * (no table of another module) and counts against that role's connection limit; it goes to the database directly,
 * never through a pooler in front of it ({@code edumatrix.database.pool.host}), which would not keep a session.
 * The module owns the connection and closes it.
 */
@Component
@NamedInterface("data")
public class DedicatedConnections {

    private final ModuleDatabases modules;
    private final org.springframework.beans.factory.BeanFactory beans;

    DedicatedConnections(ModuleDatabases modules, org.springframework.beans.factory.BeanFactory beans) {
        this.modules = modules;
        this.beans = beans;
    }

    /**
     * A new autocommit connection as {@code module}'s app role; {@code purpose} names it in pg_stat_activity. The module
     * declares how many it holds ({@code edumatrix.database.module.<module>.dedicated-connections}), so its role's
     * connection limit and the start-up budget leave room for them beside the pool.
     */
    public Connection open(String module, String purpose) throws SQLException {
        var database = modules.find(module).orElseThrow(() -> new IllegalArgumentException("No module " + module));
        if (database.dedicatedConnections() == 0) {
            throw new IllegalStateException("Module " + module + " declares no dedicated connections; set"
                    + " edumatrix.database.module." + module + ".dedicated-connections");
        }
        var properties = new Properties();
        properties.setProperty("user", database.appRole());
        properties.setProperty("password", database.appPassword().orElse(""));
        properties.setProperty("ApplicationName", module + "-" + purpose);
        // Detects a peer that vanished without closing the socket (a failover, a cut network).
        properties.setProperty("tcpKeepAlive", "true");
        // Where the module's pool goes now: after a move, a listener that lost its session reconnects to the new server.
        var location = beans.getBean(ModuleBeans.dataAccess(module), ModuleDataAccess.class).location();
        return DriverManager.getConnection(location.jdbcUrl(), properties);
    }
}
