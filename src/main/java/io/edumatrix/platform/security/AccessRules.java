package io.edumatrix.platform.security;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

/** Reads the access rule annotations of handler methods. */
public final class AccessRules {

    private AccessRules() {}

    /** The access rule annotations on the method itself (a rule on the class is not honoured, so not looked for). */
    public static List<Class<? extends Annotation>> of(Method method) {
        return Arrays.stream(method.getAnnotations())
                .map(Annotation::annotationType)
                .filter(type -> type.isAnnotationPresent(AccessRule.class))
                .<Class<? extends Annotation>>map(type -> type)
                .toList();
    }

    /** The rule's name as the README writes it. */
    public static String name(Class<? extends Annotation> rule) {
        try {
            return (String) rule.getField("RULE").get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(rule + " declares no RULE", e);
        }
    }
}
