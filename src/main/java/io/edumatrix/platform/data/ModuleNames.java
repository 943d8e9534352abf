package io.edumatrix.platform.data;

import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * The module list as the bean factory post-processors see it, before any bean (so before {@link EduMatrixProperties})
 * exists, and which module a class belongs to.
 */
public record ModuleNames(List<String> all) {

    public static ModuleNames of(Environment environment) {
        return new ModuleNames(Binder.get(environment).bind("edumatrix.modules", Bindable.listOf(String.class))
                .orElse(List.of()));
    }

    /** The module whose package {@code io.edumatrix.<module>} holds the named class. */
    public Optional<String> moduleOf(String className) {
        return all.stream().filter(m -> className.startsWith(basePackage(m) + ".")).findFirst();
    }

    /** The package that holds the module's code, its sub-packages included. */
    public static String basePackage(String module) {
        return "io.edumatrix." + module;
    }

    /** The class a bean definition creates, when it names one that can be loaded. */
    public static Optional<Class<?>> beanClass(BeanDefinition definition, ClassLoader loader) {
        var className = definition.getBeanClassName();
        if (className == null || !ClassUtils.isPresent(className, loader)) {
            return Optional.empty();
        }
        return Optional.of(ClassUtils.resolveClassName(className, loader));
    }
}
