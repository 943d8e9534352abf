package io.edumatrix.platform.data;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.BeanFactoryAnnotationUtils;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.RuntimeBeanReference;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.data.jdbc.repository.support.JdbcRepositoryFactoryBean;
import org.springframework.transaction.annotation.AnnotationTransactionAttributeSource;
import org.springframework.util.ReflectionUtils;

/**
 * Refuses to start when a module's code would run in another module's transaction or on another module's pool.
 *
 * <p>Spring resolves a {@code @Transactional} qualifier only when the method is called, and a type-level
 * {@code @Qualifier} that names no transaction manager silently falls back to the default one. So every bean of a
 * module is checked here, before any bean is created: each transactional method must name its own module's
 * transaction manager, and each Spring Data repository must use its own module's aggregate template and transaction
 * manager.
 */
class ModuleTransactionGuard implements BeanFactoryPostProcessor, EnvironmentAware, Ordered {

    private final AnnotationTransactionAttributeSource transactionAttributes = new AnnotationTransactionAttributeSource(false);
    private ModuleNames modules = new ModuleNames(List.of());

    @Override
    public void setEnvironment(Environment environment) {
        modules = ModuleNames.of(environment);
    }

    /** Before the events platform's listener guard, which assumes transaction managers were checked. */
    @Override
    public int getOrder() {
        return 0;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        var violations = new ArrayList<String>();
        for (var name : beanFactory.getBeanDefinitionNames()) {
            var definition = beanFactory.getBeanDefinition(name);
            ModuleNames.beanClass(definition, beanFactory.getBeanClassLoader()).ifPresent(type -> {
                if (JdbcRepositoryFactoryBean.class.isAssignableFrom(type)) {
                    checkRepository(name, definition, violations);
                } else {
                    modules.moduleOf(type.getName()).ifPresent(module -> checkTransactionalMethods(type, module, violations));
                }
            });
        }
        if (!violations.isEmpty()) {
            throw new ModuleStartupException("Module code bound to the wrong transaction manager or pool: "
                    + String.join("; ", violations),
                    "Use @Transactional(\"<module>\") with the module's own name, and "
                            + "no @EnableJdbcRepositories of the module's own: the platform binds its repositories.");
        }
    }

    private void checkTransactionalMethods(Class<?> type, String module, List<String> violations) {
        var typeQualifier = BeanFactoryAnnotationUtils.getQualifierValue(type);
        ReflectionUtils.doWithMethods(type, method -> {
            var attribute = transactionAttributes.getTransactionAttribute(method, type);
            if (attribute == null) {
                return;
            }
            var qualifier = attribute.getQualifier() != null && !attribute.getQualifier().isEmpty()
                    ? attribute.getQualifier() : typeQualifier;
            if (!module.equals(qualifier) && !ModuleBeans.transactionManager(module).equals(qualifier)) {
                violations.add(describe(type, method) + " in module '" + module + "' uses transaction manager "
                        + (qualifier == null || qualifier.isEmpty() ? "(none named)" : "'" + qualifier + "'")
                        + " instead of '" + module + "'");
            }
        }, method -> !method.isSynthetic() && method.getDeclaringClass() != Object.class);
    }

    private void checkRepository(String name, BeanDefinition definition, List<String> violations) {
        var arguments = definition.getConstructorArgumentValues().getIndexedArgumentValues();
        if (arguments.isEmpty()) {
            return;
        }
        var repository = arguments.values().iterator().next().getValue();
        var repositoryName = repository instanceof Class<?> c ? c.getName() : String.valueOf(repository);
        var module = modules.moduleOf(repositoryName);
        if (module.isEmpty()) {
            return;
        }
        var properties = definition.getPropertyValues();
        var operations = properties.get("jdbcAggregateOperations");
        var operationsName = operations instanceof RuntimeBeanReference reference ? reference.getBeanName() : null;
        if (!ModuleBeans.aggregateTemplate(module.get()).equals(operationsName)) {
            violations.add("repository " + name + " in module '" + module.get() + "' uses aggregate template "
                    + (operationsName == null ? "(found by type)" : "'" + operationsName + "'") + " instead of '"
                    + ModuleBeans.aggregateTemplate(module.get()) + "'");
        }
        var transactionManager = String.valueOf(properties.get("transactionManager"));
        if (!transactionManager.equals(module.get()) && !transactionManager.equals(ModuleBeans.transactionManager(module.get()))) {
            violations.add("repository " + name + " in module '" + module.get() + "' uses transaction manager '"
                    + transactionManager + "' instead of '" + ModuleBeans.transactionManager(module.get()) + "'");
        }
    }



    private static String describe(Class<?> type, Method method) {
        return type.getSimpleName() + "." + method.getName();
    }
}
