package io.edumatrix.platform.openapi;

import io.edumatrix.platform.domain.ProblemType;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.util.ClassUtils;

/**
 * The problem types a package declares: its {@code static final ProblemType} constants, as the modules write them (the
 * README's table of errors lists the same). Read from the class path once per package, when the description is first
 * asked for, never at start-up.
 */
final class ProblemTypes {

    private final Map<String, List<ProblemType>> byPackage = new ConcurrentHashMap<>();

    List<ProblemType> of(String basePackage) {
        return byPackage.computeIfAbsent(basePackage, ProblemTypes::declaredIn);
    }

    private static List<ProblemType> declaredIn(String basePackage) {
        var scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return true;
            }
        };
        scanner.addIncludeFilter((reader, factory) -> true);
        var found = new TreeMap<String, ProblemType>();
        for (var candidate : scanner.findCandidateComponents(basePackage)) {
            var type = ClassUtils.resolveClassName(Objects.requireNonNull(candidate.getBeanClassName()),
                    ProblemTypes.class.getClassLoader());
            for (Field field : type.getDeclaredFields()) {
                if (field.getType() == ProblemType.class && Modifier.isStatic(field.getModifiers())
                        && Modifier.isFinal(field.getModifiers())) {
                    field.setAccessible(true);
                    var problem = (ProblemType) readStatic(field);
                    found.putIfAbsent(problem.name(), problem);
                }
            }
        }
        return found.values().stream().sorted(Comparator.comparing(ProblemType::name)).toList();
    }

    private static Object readStatic(Field field) {
        try {
            return field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot read " + field, e);
        }
    }
}
