package io.edumatrix.platform.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.web.HttpApplicationTest;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.BeanFactoryAnnotationUtils;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.DependencyDescriptor;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.data.jdbc.core.JdbcAggregateOperations;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionManager;
import org.springframework.transaction.annotation.AnnotationTransactionAttributeSource;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionInterceptor;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A module's transaction runs on a connection of the module's own pool: logged in as the module's app role, and named
 * after the module in {@code pg_stat_activity}. Nothing hands out a connection to whoever asks for "a DataSource".
 */
@HttpApplicationTest
@IntegrationTest
class ModuleTransactionTests {

    @Autowired
    private ModuleDatabases modules;

    @Autowired
    private ConfigurableListableBeanFactory beans;

    @TestFactory
    Stream<DynamicTest> inside_each_modules_transaction_statements_run_as_its_app_role_on_a_connection_named_for_it() {
        return modules.all().stream().map(module -> dynamicTest(module.module(), () -> {
            // What @Transactional("<module>") resolves its transaction manager with.
            var manager = BeanFactoryAnnotationUtils.qualifiedBeanOfType(beans, TransactionManager.class, module.module());

            assertThat(manager).isInstanceOfSatisfying(JdbcTransactionManager.class, jdbc -> assertThat(jdbc.getDefaultTimeout())
                    .as("default timeout in seconds").isEqualTo(5));
            var session = new TransactionTemplate((JdbcTransactionManager) manager).execute(status -> boundSession());
            assertThat(session).isEqualTo(new Session(module.appRole(), module.module(), module.schema()));
        }));
    }

    @Test
    void a_method_annotated_transactional_with_a_module_name_runs_in_that_modules_transaction() {
        var probe = transactional(new TransactionProbe());

        assertThat(probe.inCourses()).isEqualTo(sessionOf("courses"));
        assertThat(probe.inInstitutions()).isEqualTo(sessionOf("institutions"));
    }

    @Test
    void no_data_source_or_jdbc_operations_bean_is_offered_to_code_that_names_no_module() throws Exception {
        for (var type : List.of(DataSource.class, JdbcOperations.class, NamedParameterJdbcOperations.class,
                JdbcAggregateOperations.class)) {
            assertThat(beans.getBeanNamesForType(type)).as("beans of type %s", type.getSimpleName())
                    .allSatisfy(name -> assertThat(beans.getMergedBeanDefinition(name))
                            .isInstanceOfSatisfying(AbstractBeanDefinition.class, definition -> assertThat(
                                    definition.isDefaultCandidate()).as("%s is a default candidate", name).isFalse()));
        }
        assertThat(beans.getBeanNamesForType(DataSource.class)).containsExactlyInAnyOrderElementsOf(
                modules.all().stream().map(m -> ModuleBeans.dataSource(m.module())).toList());
        assertThat(beans.getBeanNamesForType(NamedParameterJdbcOperations.class)).containsExactlyInAnyOrderElementsOf(
                modules.all().stream().map(m -> ModuleBeans.jdbcOperations(m.module())).toList());
        for (var field : AsksForNoModule.class.getDeclaredFields()) {
            assertThat(beans.resolveDependency(new DependencyDescriptor(field, false), "asksForNoModule"))
                    .as("what autowiring gives an unqualified %s", field.getType().getSimpleName()).isNull();
        }
    }

    private Session sessionOf(String module) {
        var database = modules.find(module).orElseThrow();
        return new Session(database.appRole(), module, database.schema());
    }

    private TransactionProbe transactional(TransactionProbe target) {
        var interceptor = new TransactionInterceptor((TransactionManager) null, new AnnotationTransactionAttributeSource());
        interceptor.setBeanFactory(beans);
        var proxy = new ProxyFactory(target);
        proxy.setProxyTargetClass(true);
        proxy.addAdvice(interceptor);
        return (TransactionProbe) proxy.getProxy();
    }

    /** The session behind the only connection the current transaction holds. */
    private static Session boundSession() {
        var resources = TransactionSynchronizationManager.getResourceMap().values();
        assertThat(resources).as("resources bound to the transaction").singleElement().isInstanceOf(ConnectionHolder.class);
        var connection = ((ConnectionHolder) resources.iterator().next()).getConnection();
        try (var statement = connection.createStatement();
                var row = statement.executeQuery("SELECT current_user, current_setting('application_name'), current_schema")) {
            row.next();
            return new Session(row.getString(1), row.getString(2), row.getString(3));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Injection points that name no module. */
    @SuppressWarnings("unused")
    private static final class AsksForNoModule {
        private DataSource dataSource;
        private NamedParameterJdbcOperations jdbcOperations;
        private JdbcAggregateOperations aggregateOperations;
    }

    record Session(String role, String applicationName, String schema) {}

    /** Module code as Spring would proxy it; public for the class-based proxy. */
    public static class TransactionProbe {

        @Transactional("courses")
        public Session inCourses() {
            return boundSession();
        }

        @Transactional("institutions")
        public Session inInstitutions() {
            return boundSession();
        }
    }
}
