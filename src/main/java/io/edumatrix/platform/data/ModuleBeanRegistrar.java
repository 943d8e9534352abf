package io.edumatrix.platform.data;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.AutowireCandidateQualifier;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationEventPublisherAware;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import javax.sql.DataSource;

/**
 * Registers each listed module's data beans: its {@link ModuleDataAccess} and, taken from it, a data source, JDBC
 * operations, an aggregate template and a transaction manager. They are qualified with the module's name and are not
 * default candidates: nothing gets a module's connection by asking for "a DataSource", and Boot's own
 * auto-configuration is not switched off by them.
 */
class ModuleBeanRegistrar implements BeanDefinitionRegistryPostProcessor, EnvironmentAware, ApplicationEventPublisherAware {

    private List<String> modules = List.of();
    private ApplicationEventPublisher publisher;

    @Override
    public void setEnvironment(Environment environment) {
        modules = ModuleNames.of(environment).all();
    }

    @Override
    public void setApplicationEventPublisher(ApplicationEventPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        var beans = (DefaultListableBeanFactory) registry;
        for (var module : modules) {
            var dataAccessName = ModuleBeans.dataAccess(module);
            var dataAccess = definition(ModuleDataAccess.class, module, () -> new ModuleDataAccess(
                    beans.getBean(ModuleDatabases.class).find(module).orElseThrow(),
                    beans.getBean(ModuleDatabases.class).settings(),
                    publisher));
            dataAccess.setDependsOn(DatabaseSetup.BEAN_NAME);
            registry.registerBeanDefinition(dataAccessName, dataAccess);

            Function<Function<ModuleDataAccess, Object>, Supplier<Object>> from =
                    part -> () -> part.apply(beans.getBean(dataAccessName, ModuleDataAccess.class));
            register(registry, ModuleBeans.dataSource(module), DataSource.class, module, from.apply(ModuleDataAccess::dataSource));
            register(registry, ModuleBeans.jdbcOperations(module), NamedParameterJdbcTemplate.class, module,
                    from.apply(ModuleDataAccess::jdbcOperations));
            register(registry, ModuleBeans.aggregateTemplate(module), JdbcAggregateTemplate.class, module,
                    from.apply(ModuleDataAccess::aggregateTemplate));
            register(registry, ModuleBeans.transactionManager(module), JdbcTransactionManager.class, module,
                    from.apply(ModuleDataAccess::transactionManager));
        }
    }

    private static <T> void register(BeanDefinitionRegistry registry, String name, Class<T> type, String module,
            Supplier<Object> supplier) {
        @SuppressWarnings("unchecked")
        var definition = definition(type, module, () -> (T) supplier.get());
        // The data access object closes the pool; the parts must not be closed once more on their own.
        definition.setDestroyMethodName(null);
        registry.registerBeanDefinition(name, definition);
    }

    private static <T> RootBeanDefinition definition(Class<T> type, String module, Supplier<T> supplier) {
        var definition = new RootBeanDefinition(type, supplier);
        definition.setDefaultCandidate(false);
        definition.addQualifier(new AutowireCandidateQualifier(Qualifier.class, module));
        definition.setRole(AbstractBeanDefinition.ROLE_INFRASTRUCTURE);
        return definition;
    }
}
