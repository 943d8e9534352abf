package io.edumatrix.platform.observability;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Which module a request went to: the one whose package {@code io.edumatrix.<module>} holds its handler. Remembered per
 * handler class (a few hundred at most), since every request asks, several times.
 */
final class RequestModules {

    static final String PLATFORM = "platform";
    static final String NONE = "none";

    private final List<String> modules;
    private final Map<Class<?>, String> byType = new ConcurrentHashMap<>();

    RequestModules(List<String> modules) {
        this.modules = modules;
    }

    String of(HttpServletRequest request) {
        var handler = request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE);
        if (handler == null) {
            return NONE;
        }
        var type = handler instanceof HandlerMethod method ? method.getBeanType() : handler.getClass();
        return byType.computeIfAbsent(type, this::moduleOf);
    }

    private String moduleOf(Class<?> type) {
        return modules.stream().filter(m -> type.getName().startsWith("io.edumatrix." + m + ".")).findFirst()
                .orElse(PLATFORM);
    }
}
