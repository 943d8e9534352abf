package io.edumatrix.platform.events;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * The listeners of this process that an event arriving from another process is delivered to: every
 * {@link ModuleListener} method whose parameter takes the event, and the platform's own programmatic listeners
 * registered with {@link ModuleDelivery} (an erasure's participation). Each is called on its bean's target, since the
 * proxy's {@code @Async} would hand the work to another thread, and the consumer must know it succeeded before it
 * acknowledges the record.
 */
final class BrokeredListeners {

    /** A listener: its module (transaction manager and inbox), its id (inbox key), and what it does with an event. */
    record Target(String module, String listenerId, Class<?> eventType, Consumer<DomainEvent> work) {}

    private final List<Target> targets = new ArrayList<>();
    private final Map<Class<?>, List<Target>> byType = new ConcurrentHashMap<>();

    BrokeredListeners(ListableBeanFactory beans, List<Target> programmatic) {
        targets.addAll(programmatic);
        for (var name : beans.getBeanDefinitionNames()) {
            var type = beans.getType(name, false);
            if (type == null || !type.getName().startsWith("io.edumatrix.")) {
                continue;
            }
            var userType = ClassUtils.getUserClass(type);
            var methods = MethodIntrospector.selectMethods(userType, (MethodIntrospector.MetadataLookup<ModuleListener>)
                    method -> AnnotatedElementUtils.findMergedAnnotation(method, ModuleListener.class));
            methods.forEach((method, listener) -> targets.add(new Target(listener.value(), ListenerIds.of(method),
                    method.getParameterTypes()[0], event -> invoke(beans, name, method, event))));
        }
    }

    List<Target> of(Class<?> eventType) {
        return byType.computeIfAbsent(eventType,
                type -> targets.stream().filter(t -> t.eventType().isAssignableFrom(type)).toList());
    }

    private static void invoke(ListableBeanFactory beans, String name, Method method, DomainEvent event) {
        var target = AopProxyUtils.getSingletonTarget(beans.getBean(name));
        var bean = target != null ? target : beans.getBean(name);
        ReflectionUtils.makeAccessible(method);
        try {
            method.invoke(bean, event);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
