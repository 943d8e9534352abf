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

    private static final String ROOT = "io.edumatrix.";

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
        return ROOT + module;
    }

    /** The module a class of a module belongs to, read from its package alone ({@code io.edumatrix.<module>…}). */
    public static String fromPackageOf(Class<?> type) {
        var name = ClassUtils.getUserClass(type).getName();
        if (!name.startsWith(ROOT) || name.indexOf('.', ROOT.length()) < 0) {
            throw new IllegalArgumentException(name + " is in no module's package " + ROOT + "<module>");
        }
        return name.substring(ROOT.length(), name.indexOf('.', ROOT.length()));
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
