package bench.outbox;

import io.edumatrix.EduMatrixApplication;
import io.edumatrix.institutions.InstitutionRegistered;
import io.edumatrix.platform.Ids;
import io.edumatrix.platform.events.ModuleListener;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** EduMatrix itself: institutions publish into their own outbox, a courses listener receives on its own pool. */
final class PerModuleOutbox implements BenchTarget {

    private static final String EXCLUDED = String.join(",",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
            "org.springframework.boot.data.jdbc.autoconfigure.DataJdbcRepositoriesAutoConfiguration",
            "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
            // On the bench class path only, for the stock registry's run; the application never has it.
            "org.springframework.modulith.events.jdbc.JdbcEventPublicationAutoConfiguration");

    private final ConfigurableApplicationContext context;
    private final TransactionTemplate institutionsTransaction;
    private final ApplicationEventPublisher publisher;
    private final String rolePrefix;

    PerModuleOutbox(BenchDatabase database, Connection admin) throws SQLException {
        this.rolePrefix = database.rolePrefix();
        this.context = new SpringApplicationBuilder(EduMatrixApplication.class, ModuleBenchListener.class)
                .web(WebApplicationType.NONE)
                // Arguments, not default properties: they must win over application.yaml.
                .run(arguments(Map.of(
                        "edumatrix.database.host", database.host(),
                        "edumatrix.database.port", database.port(),
                        "edumatrix.database.name", database.name(),
                        "edumatrix.database.role-prefix", database.rolePrefix(),
                        "edumatrix.database.admin.username", database.adminUser(),
                        "edumatrix.database.admin.password", database.adminPassword(),
                        "spring.autoconfigure.exclude", EXCLUDED,
                        "logging.level.root", "warn")));
        try (var statement = admin.createStatement()) {
            statement.execute("SET ROLE \"" + rolePrefix + "courses_owner\"");
            statement.execute("CREATE TABLE IF NOT EXISTS courses.bench_effect (event_id uuid PRIMARY KEY,"
                    + " received_at timestamptz NOT NULL)");
            statement.execute("RESET ROLE");
        }
        this.institutionsTransaction = new TransactionTemplate(
                context.getBean("institutionsTransactionManager", PlatformTransactionManager.class));
        this.publisher = context;
    }

    private static String[] arguments(Map<String, Object> properties) {
        return properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }

    @Override
    public String name() {
        return "per-module outbox";
    }

    @Override
    public void publishOne() {
        var event = InstitutionRegistered.of(Ids.next(), "Bench", "BENCH");
        Probe.published(event.eventId(), System.nanoTime());
        institutionsTransaction.executeWithoutResult(status -> publisher.publishEvent(event));
    }

    @Override
    public long completed(Connection admin) throws SQLException {
        return BenchDatabase.count(admin, "SELECT count(*) FROM institutions.event_publication WHERE completion_date IS NOT NULL");
    }

    @Override
    public void clear(Connection admin) throws SQLException {
        try (var statement = admin.createStatement()) {
            statement.execute("TRUNCATE institutions.event_publication, courses.event_inbox, courses.bench_effect");
        }
    }

    @Override
    public void close() {
        context.close();
    }

    /** The same work as the stock registry's listener: one insert; plus the inbox row the platform adds. */
    static class ModuleBenchListener {

        private final NamedParameterJdbcOperations courses;

        ModuleBenchListener(@Qualifier("courses") NamedParameterJdbcOperations courses) {
            this.courses = courses;
        }

        @ModuleListener("courses")
        void on(InstitutionRegistered event) {
            Probe.received(event.eventId());
            courses.update("INSERT INTO bench_effect (event_id, received_at) VALUES (:id, now())",
                    Map.of("id", event.eventId()));
        }
    }
}
