package io.edumatrix.platform.events;

import io.edumatrix.platform.data.ModuleNames;
import io.edumatrix.platform.data.ModuleStartupException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.util.ReflectionUtils;

/**
 * Refuses to start when a module reacts to events any other way than through {@link ModuleListener}: a plain
 * {@code @EventListener}, a {@code @TransactionalEventListener} or Modulith's {@code @ApplicationModuleListener} would
 * run outside the module's transaction (or in none), without retries and without the inbox. Whether a
 * {@code @ModuleListener} names its own module is checked with every other transactional method, by the data
 * platform's guard.
 */
class ModuleListenerGuard implements BeanFactoryPostProcessor, EnvironmentAware, Ordered {

    private ModuleNames modules = new ModuleNames(List.of());

    @Override
    public void setEnvironment(Environment environment) {
        modules = ModuleNames.of(environment);
    }

    @Override
    public int getOrder() {
        return 1;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        var loader = beanFactory.getBeanClassLoader();
        var violations = new ArrayList<String>();
        for (var name : beanFactory.getBeanDefinitionNames()) {
            ModuleNames.beanClass(beanFactory.getBeanDefinition(name), loader)
                    .filter(type -> modules.moduleOf(type.getName()).isPresent())
                    .ifPresent(type -> ReflectionUtils.doWithMethods(type, method -> {
                        if (AnnotatedElementUtils.hasAnnotation(method, EventListener.class)
                                && !AnnotatedElementUtils.hasAnnotation(method, ModuleListener.class)) {
                            violations.add(type.getSimpleName() + "." + method.getName());
                        }
                    }));
        }
        if (!violations.isEmpty()) {
            throw new ModuleStartupException("Event listeners in modules must be @ModuleListener: " + String.join(", ",
                    violations), "Annotate each with @ModuleListener(\"<its module>\"), so it runs in its module's"
                            + " transaction, with retries and the inbox.");
        }
    }
}
