package io.edumatrix.platform.events;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Which events a listener in another process takes, so that only those go to the broker (ADR 0036). The remote modules'
 * {@link ModuleListener} methods are read from their classes, which this JAR holds though this process never creates
 * them; the platform's shared events ({@link SharedEvent}: an erasure's request and confirmations, a queued mail) have
 * the platform's own listeners in every process, so they always go.
 */
final class ListenedElsewhere {

    private static final String ROOT = "io.edumatrix.";

    private final Set<Class<?>> listenedTypes;

    private ListenedElsewhere(Set<Class<?>> listenedTypes) {
        this.listenedTypes = Set.copyOf(listenedTypes);
    }

    static ListenedElsewhere byModules(Collection<String> remoteModules) {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter((reader, readers) ->
                reader.getAnnotationMetadata().hasAnnotatedMethods(ModuleListener.class.getName()));
        var types = new HashSet<Class<?>>();
        for (var module : remoteModules) {
            for (var candidate : scanner.findCandidateComponents(ROOT + module)) {
                var listener = ClassUtils.resolveClassName(candidate.getBeanClassName(),
                        ListenedElsewhere.class.getClassLoader());
                ReflectionUtils.doWithMethods(listener, method -> types.add(method.getParameterTypes()[0]),
                        method -> AnnotatedElementUtils.hasAnnotation(method, ModuleListener.class));
            }
        }
        return new ListenedElsewhere(types);
    }

    boolean takes(Class<?> eventType) {
        if (SharedEvent.class.isAssignableFrom(eventType)) {
            return true;
        }
        for (var listened : listenedTypes) {
            if (listened.isAssignableFrom(eventType)) {
                return true;
            }
        }
        return false;
    }
}
