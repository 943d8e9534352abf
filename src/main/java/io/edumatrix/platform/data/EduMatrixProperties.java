package io.edumatrix.platform.data;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Everything that describes the modules' databases. The module list is the one description the platform
 * derives schemas, roles, migrations, pools and transaction managers from.
 *
 * @param modules the business modules, each the name of a package under {@code io.edumatrix}, a schema and a
 *     migration folder {@code db/<module>}
 * @param database where the modules' data lives and how they connect
 */
@Validated
@ConfigurationProperties("edumatrix")
public record EduMatrixProperties(
        @NotEmpty List<@Pattern(regexp = "[a-z][a-z0-9_]{0,30}", message = "must be a lower-case identifier") String> modules,
        @Valid @NotNull Database database) {

    /**
     * @param host PostgreSQL host ({@code DB_HOST})
     * @param port PostgreSQL port ({@code DB_PORT})
     * @param name database name ({@code DB_NAME})
     * @param rolePrefix prefix of every role name, so several installations can share one PostgreSQL cluster
     *     (roles are cluster-wide); empty by default
     * @param appPassword password of every module's app role unless the module overrides it ({@code DB_APP_PASSWORD});
     *     when empty, provisioning leaves role passwords alone
     * @param admin the connection that provisions and migrates; optional
     * @param provisioning whether the application creates schemas and roles itself
     * @param instances how many application instances share the database; each app role's CONNECTION LIMIT is
     *     its pool size times this
     * @param pool pool settings of every module unless it overrides them
     * @param session database-side timeouts set on every app role
     * @param transactionTimeout default timeout of every module transaction, in whole seconds
     * @param module per-module overrides, keyed by module name
     * @param modules per-module locations, keyed by module name: a module placed on another server or database
     *     ({@link ModuleLocation})
     * @param ssl TLS for every connection to PostgreSQL
     * @param read the read replica that serves the modules' read-only transactions; none by default
     * @param move how a module's move to another server cuts over (ADR 0030)
     */
    public record Database(
            @NotBlank @DefaultValue("127.0.0.1") String host,
            @Min(1) @Max(65535) @DefaultValue("5432") int port,
            @NotBlank @DefaultValue("edumatrix") String name,
            @Pattern(regexp = "([a-z][a-z0-9_]{0,20})?", message = "must be empty or a lower-case identifier")
                    @DefaultValue("") String rolePrefix,
            @DefaultValue("") String appPassword,
            @Valid @NotNull @DefaultValue Admin admin,
            @Valid @NotNull @DefaultValue Provisioning provisioning,
            @Min(1) @DefaultValue("2") int instances,
            @Valid @NotNull @DefaultValue Pool pool,
            @Valid @NotNull @DefaultValue Session session,
            @NotNull @DurationMin(seconds = 1) @DefaultValue("5s") Duration transactionTimeout,
            @NotNull @DefaultValue Map<String, @Valid ModuleOverrides> module,
            @NotNull @DefaultValue Map<String, @Valid Location> modules,
            @Valid @NotNull @DefaultValue Ssl ssl,
            @Valid @NotNull @DefaultValue Read read,
            @Valid @NotNull @DefaultValue Move move) {

        /** The main database; a module's own is its {@link ModuleLocation}. */
        public String jdbcUrl() {
            return ModuleLocation.main(this).jdbcUrl();
        }
    }

    /**
     * Where one module lives, if not where the others do; every field is optional and defaults to the global setting.
     * Environment forms: {@code EDUMATRIX_DATABASE_MODULES_<MODULE>_HOST}, {@code _PORT}, {@code _DATABASE},
     * {@code _ADMINUSER}, {@code _ADMINPASSWORD}, {@code _APPPASSWORD}.
     *
     * @param host PostgreSQL host of the module ({@code DB_HOST} by default)
     * @param port its port ({@code DB_PORT})
     * @param database its database ({@code DB_NAME})
     * @param adminUser the role that provisions and migrates the module there ({@code DB_ADMIN_USER})
     * @param adminPassword its password ({@code DB_ADMIN_PASSWORD})
     * @param appPassword the module's app role password there ({@code DB_APP_PASSWORD}, or the module's
     *     {@code password} override)
     */
    public record Location(
            String host,
            @Min(1) @Max(65535) Integer port,
            String database,
            String adminUser,
            String adminPassword,
            String appPassword) {}

    /**
     * TLS for every connection: module pools, replica pools, the admin connection (provisioning, migrations, commands)
     * and the dedicated sessions.
     *
     * @param mode pgjdbc's {@code sslmode} ({@code DB_SSL_MODE}): {@code prefer} by default, {@code verify-full} in
     *     production
     * @param rootCert the CA certificate that signed the server's ({@code DB_SSL_ROOT_CERT}); empty means pgjdbc's
     *     default, {@code ~/.postgresql/root.crt}
     * @param certDir a folder holding {@code <role>.crt} and {@code <role>.key} (PEM or PKCS-8 DER) for every module's
     *     app role and the admin role ({@code DB_SSL_CERT_DIR}); empty means no client certificates
     */
    public record Ssl(
            @Pattern(regexp = "disable|allow|prefer|require|verify-ca|verify-full",
                    message = "must be one of disable, allow, prefer, require, verify-ca, verify-full")
                    @DefaultValue("prefer") String mode,
            @DefaultValue("") String rootCert,
            @DefaultValue("") String certDir) {}

    /**
     * A module's move to another server (ADR 0030).
     *
     * @param drainTimeout how long the move's pause waits for the module's running transactions; when some still run,
     *     the cut-over is given up, the module serves on from where it is, and posting the move again retries it
     */
    public record Move(@NotNull @DurationMin(millis = 10) @DefaultValue("1s") Duration drainTimeout) {}

    /**
     * A streaming standby that serves read-only transactions ({@code @Transactional(readOnly = true)}).
     *
     * @param host the standby ({@code DB_READ_HOST}); empty means every read goes to the primary
     * @param port its port ({@code DB_READ_PORT}); {@code port} of the primary when unset
     * @param maxLag beyond this much replay lag reads go to the primary ({@code DB_READ_MAX_LAG})
     * @param checkInterval how often the lag is measured
     * @param connectionTimeout how long a replica pool waits for a connection before its read goes to the primary
     */
    public record Read(
            @DefaultValue("") String host,
            @Min(1) @Max(65535) Integer port,
            @NotNull @DurationMin(millis = 1) @DefaultValue("5s") Duration maxLag,
            @NotNull @DurationMin(millis = 100) @DefaultValue("1s") Duration checkInterval,
            @NotNull @DurationMin(millis = 250) @DefaultValue("1s") Duration connectionTimeout) {}

    /**
     * @param username a role that may create roles and schemas and is a member of every module's owner role
     *     ({@code DB_ADMIN_USER}); empty means no admin connection
     * @param password its password ({@code DB_ADMIN_PASSWORD})
     */
    public record Admin(@DefaultValue("") String username, @DefaultValue("") String password) {

        public boolean configured() {
            return !username.isBlank();
        }
    }

    /** @param enabled create schemas and roles at start-up through the admin connection */
    public record Provisioning(@DefaultValue("true") boolean enabled) {}

    /**
     * HikariCP settings. Defaults let eleven modules' pools fit a stock PostgreSQL ({@code max_connections = 100}).
     *
     * @param maximumPoolSize {@code DB_MAX_CONNECTIONS}
     * @param host where the pools connect, if not to {@code host}: PgBouncer in transaction mode (or a proxy) in front
     *     of the same database ({@code DB_POOL_HOST}), which provisioning, migrations and the dedicated sessions bypass
     * @param port likewise, if not {@code port} ({@code DB_POOL_PORT})
     * @param serverConnections behind a pooler, the server connections it opens per module role (PgBouncer's
     *     {@code pool_size}, {@code DB_POOL_SERVER_CONNECTIONS}): what reaches PostgreSQL, so what the connection
     *     budget and each app role's CONNECTION LIMIT count instead of the pools times the instances; setting it
     *     declares that {@code host}/{@code port} is a pooler in transaction mode, which start-up checks
     */
    public record Pool(
            @Min(1) @DefaultValue("4") int maximumPoolSize,
            @Min(0) @DefaultValue("1") int minimumIdle,
            @NotNull @DefaultValue("30s") Duration idleTimeout,
            @NotNull @DefaultValue("20s") Duration connectionTimeout,
            String host,
            @Min(1) @Max(65535) Integer port,
            @Min(1) Integer serverConnections) {

        /**
         * Whether the module pools reach PostgreSQL through a transaction pooler: declared by its server connections.
         * A host or port alone is a proxy that keeps sessions (or a pooler in session mode), and the pools count as
         * they are.
         */
        public boolean pooled() {
            return serverConnections != null;
        }

        /** Whether the module pools connect elsewhere than the admin connection. */
        public boolean redirected() {
            return host != null && !host.isBlank() || port != null;
        }
    }

    /** Settings PostgreSQL applies to every session of an app role. */
    public record Session(
            @NotNull @DefaultValue("30s") Duration statementTimeout,
            @NotNull @DefaultValue("5s") Duration lockTimeout,
            @NotNull @DefaultValue("60s") Duration idleInTransactionSessionTimeout) {}

    /**
     * What one module may set differently from the defaults; every field is optional.
     *
     * @param dedicatedConnections sessions the module holds outside its pool ({@code DedicatedConnections}, such as
     *     a {@code LISTEN}); counted in its role's CONNECTION LIMIT and in the start-up budget check; 0 by default
     * @param readHost the module's read replica, if not {@code edumatrix.database.read.host}
     * @param readPort its port, if not {@code edumatrix.database.read.port}
     * @param readReplica false keeps all the module's reads on the primary
     */
    public record ModuleOverrides(
            String password,
            @Min(1) Integer maximumPoolSize,
            @Min(0) Integer minimumIdle,
            Duration idleTimeout,
            Duration connectionTimeout,
            @Min(0) Integer dedicatedConnections,
            String readHost,
            @Min(1) @Max(65535) Integer readPort,
            Boolean readReplica) {}
}
