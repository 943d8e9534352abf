package io.edumatrix.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Matches the requests of endpoints marked {@link Anonymous}, read from the handler mappings once, at the first
 * request. Every other request needs a valid token before it reaches a handler, so a client without one learns nothing
 * (not even whether its body was valid) but 401.
 */
final class AnonymousEndpoints implements RequestMatcher {

    private final SingletonSupplier<List<RequestMatcher>> matchers;

    AnonymousEndpoints(RequestMappingHandlerMapping handlers) {
        this.matchers = SingletonSupplier.of(() -> read(handlers));
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        for (var matcher : matchers.obtain()) {
            if (matcher.matches(request)) {
                return true;
            }
        }
        return false;
    }

    private static List<RequestMatcher> read(RequestMappingHandlerMapping handlers) {
        var matchers = new ArrayList<RequestMatcher>();
        var builder = PathPatternRequestMatcher.withDefaults();
        handlers.getHandlerMethods().forEach((mapping, handler) -> {
            if (!handler.getMethod().isAnnotationPresent(Anonymous.class) || mapping.getPathPatternsCondition() == null) {
                return;
            }
            for (var pattern : mapping.getPathPatternsCondition().getPatternValues()) {
                var methods = mapping.getMethodsCondition().getMethods();
                if (methods.isEmpty()) {
                    matchers.add(builder.matcher(pattern));
                }
                methods.forEach(method -> matchers.add(builder.matcher(HttpMethod.valueOf(method.name()), pattern)));
            }
        });
        return List.copyOf(matchers);
    }
}
