package io.edumatrix.platform.testing;

import io.edumatrix.platform.security.AccessRules;
import io.edumatrix.platform.security.Anonymous;
import io.edumatrix.platform.security.PlatformAdmin;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.context.ApplicationContext;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Every endpoint the running application serves, read from its handler mappings, so that a test built on this list
 * covers an endpoint added tomorrow: EduMatrix's own, with the access rule its annotation states, and the exposed
 * actuator operations, with the rule the filter chain gives them (health for anyone, the rest for platform
 * administrators).
 */
public final class Endpoints {

    /** One HTTP method on one path pattern, as Spring writes it ({@code /api/courses/{id}}). */
    public record Endpoint(String method, String path, String rule) implements Comparable<Endpoint> {

        private static final Comparator<Endpoint> ORDER = Comparator.comparing(Endpoint::path).thenComparing(Endpoint::method);

        /** {@code METHOD /path}, as the README's table writes it. */
        public String key() {
            return method + " " + path;
        }

        public boolean anonymous() {
            return Anonymous.RULE.equals(rule);
        }

        public boolean actuator() {
            return path.equals("/actuator") || path.startsWith("/actuator/");
        }

        /** The names of the path's variables, in order. */
        public List<String> variables() {
            var names = new ArrayList<String>();
            var matcher = java.util.regex.Pattern.compile("\\{\\*?([^}:]+)(:[^}]*)?}").matcher(path);
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
            return names;
        }

        @Override
        public int compareTo(Endpoint other) {
            return ORDER.compare(this, other);
        }

        @Override
        public String toString() {
            return key() + " (" + rule + ")";
        }
    }

    private Endpoints() {}

    public static List<Endpoint> of(ApplicationContext context) {
        var endpoints = new ArrayList<Endpoint>();
        context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values().forEach(mapping ->
                mapping.getHandlerMethods().forEach((info, handler) -> {
                    if (handler.getBeanType().getName().startsWith("io.edumatrix.")) {
                        var rules = AccessRules.of(handler.getMethod());
                        var rule = rules.size() == 1 ? AccessRules.name(rules.getFirst()) : rules.size() + " rules";
                        add(endpoints, info, rule, false);
                    } else {
                        add(endpoints, info, null, true);
                    }
                }));
        return endpoints.stream().distinct().sorted().toList();
    }

    private static void add(List<Endpoint> endpoints, RequestMappingInfo info, String rule, boolean actuatorOnly) {
        var methods = info.getMethodsCondition().getMethods();
        for (var path : info.getPatternValues()) {
            var actuator = path.equals("/actuator") || path.startsWith("/actuator/");
            if (actuatorOnly && !actuator) {
                continue;
            }
            var effective = rule != null ? rule
                    : path.equals("/actuator/health") || path.startsWith("/actuator/health/") ? Anonymous.RULE
                    : PlatformAdmin.RULE;
            if (methods.isEmpty()) {
                endpoints.add(new Endpoint("*", path, effective));
            }
            methods.forEach(method -> endpoints.add(new Endpoint(method.name(), path, effective)));
        }
    }
}
