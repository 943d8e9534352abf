package io.edumatrix.platform.remote;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Controller;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The public paths of the modules this process does not run, and where each is served. They are read from the remote
 * module's own controllers (the same JAR holds them, though this process never creates them): every path a handler
 * method maps, so a request is forwarded exactly when the owner would have a handler for it. The internal bindings
 * ({@code binding} packages) are left out: other processes call them at the owner directly.
 */
final class ForwardedRoutes {

    private static final String ROOT = "io.edumatrix.";
    private static final String BINDING_PACKAGE = ".binding.";

    record Route(PathPattern path, String module, URI owner) {}

    private final List<Route> routes;

    private ForwardedRoutes(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    static ForwardedRoutes of(Map<String, URI> remoteModules) {
        var parser = PathPatternParser.defaultInstance;
        var routes = new ArrayList<Route>();
        remoteModules.forEach((module, owner) -> publicPaths(module)
                .forEach(path -> routes.add(new Route(parser.parse(path), module, owner))));
        return new ForwardedRoutes(routes);
    }

    boolean isEmpty() {
        return routes.isEmpty();
    }

    List<Route> routes() {
        return routes;
    }

    Optional<Route> find(String requestPath) {
        var path = PathContainer.parsePath(requestPath);
        for (var route : routes) {
            if (route.path().matches(path)) {
                return Optional.of(route);
            }
        }
        return Optional.empty();
    }

    private static List<String> publicPaths(String module) {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Controller.class));
        var paths = new ArrayList<String>();
        for (var candidate : scanner.findCandidateComponents(ROOT + module)) {
            if (candidate.getBeanClassName().contains(BINDING_PACKAGE)) {
                continue;
            }
            var controller = ClassUtils.resolveClassName(candidate.getBeanClassName(), ForwardedRoutes.class.getClassLoader());
            var prefixes = mappedPaths(AnnotatedElementUtils.findMergedAnnotation(controller, RequestMapping.class));
            ReflectionUtils.doWithMethods(controller, method -> {
                for (var prefix : prefixes) {
                    for (var path : mappedPaths(AnnotatedElementUtils.findMergedAnnotation(method, RequestMapping.class))) {
                        paths.add(joined(prefix, path));
                    }
                }
            }, method -> AnnotatedElementUtils.hasAnnotation(method, RequestMapping.class));
        }
        return paths;
    }

    private static String joined(String prefix, String path) {
        var joined = slashed(prefix) + slashed(path);
        return joined.isEmpty() ? "/" : joined;
    }

    private static String slashed(String path) {
        return path.isEmpty() || path.startsWith("/") ? path : "/" + path;
    }

    /** A mapping without a path maps its prefix alone, as Spring MVC reads it. */
    private static List<String> mappedPaths(RequestMapping mapping) {
        if (mapping == null || mapping.path().length == 0) {
            return List.of("");
        }
        return List.of(mapping.path());
    }
}
