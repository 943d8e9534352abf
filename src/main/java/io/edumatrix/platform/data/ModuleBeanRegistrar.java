package io.edumatrix.platform.data;

import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.RuntimeBeanReference;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.ResourceLoaderAware;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * Registers each listed module's data beans: its {@link ModuleDataAccess} and, taken from it, a data source, JDBC
 * operations, an aggregate template and a transaction manager. They are qualified with the module's name and are not
 * default candidates: nothing gets a module's connection by asking for "a DataSource", and Boot's own
 * auto-configuration is not switched off by them. Then the module's repositories, on its template and transaction
 * manager ({@link ModuleRepositories}): a module writes no persistence configuration of its own.
 */
class ModuleBeanRegistrar implements BeanDefinitionRegistryPostProcessor, EnvironmentAware, ResourceLoaderAware {

    private List<String> modules = List.of();
    private Environment environment;
    private ResourceLoader resources;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
        modules = ModuleNames.of(environment).all();
    }

    @Override
    public void setResourceLoader(ResourceLoader resources) {
        this.resources = resources;
    }

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        for (var module : modules) {
            var dataAccessName = ModuleBeans.dataAccess(module);
            var dataAccess = ModuleBeans.qualified(module);
            dataAccess.setBeanClass(ModuleDataAccess.class);
            dataAccess.setFactoryMethodName("open");
            // The publisher, which is no bean, is autowired; the set-up, the databases and the module's name are given.
            dataAccess.setAutowireMode(AbstractBeanDefinition.AUTOWIRE_CONSTRUCTOR);
            var arguments = dataAccess.getConstructorArgumentValues();
            arguments.addIndexedArgumentValue(0, new RuntimeBeanReference(DatabaseSetup.BEAN_NAME));
            arguments.addIndexedArgumentValue(1, new RuntimeBeanReference(ModuleDatabases.class));
            arguments.addIndexedArgumentValue(2, module);
            registry.registerBeanDefinition(dataAccessName, dataAccess);

            register(registry, ModuleBeans.dataSource(module), DataSource.class, module, dataAccessName, "dataSource");
            register(registry, ModuleBeans.jdbcOperations(module), NamedParameterJdbcTemplate.class, module,
                    dataAccessName, "jdbcOperations");
            register(registry, ModuleBeans.aggregateTemplate(module), JdbcAggregateTemplate.class, module,
                    dataAccessName, "aggregateTemplate");
            register(registry, ModuleBeans.transactionManager(module), JdbcTransactionManager.class, module,
                    dataAccessName, "transactionManager");
            ModuleRepositories.register(module, environment, resources, registry);
        }
    }

    private static void register(BeanDefinitionRegistry registry, String name, Class<?> type, String module,
            String dataAccessName, String part) {
        var definition = ModuleBeans.qualified(module);
        definition.setTargetType(type);
        definition.setFactoryBeanName(dataAccessName);
        definition.setFactoryMethodName(part);
        // The data access object closes the pool; the parts must not be closed once more on their own.
        definition.setDestroyMethodName(null);
        registry.registerBeanDefinition(name, definition);
    }
}
