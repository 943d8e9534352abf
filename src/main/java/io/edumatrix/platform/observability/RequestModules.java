package io.edumatrix.platform.observability;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

/** Which module a request went to: the one whose package {@code io.edumatrix.<module>} holds its handler. */
final class RequestModules {

    static final String PLATFORM = "platform";
    static final String NONE = "none";

    private final List<String> modules;

    RequestModules(List<String> modules) {
        this.modules = modules;
    }

    String of(HttpServletRequest request) {
        var handler = request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE);
        if (handler == null) {
            return NONE;
        }
        var type = handler instanceof HandlerMethod method ? method.getBeanType() : handler.getClass();
        return modules.stream().filter(m -> type.getName().startsWith("io.edumatrix." + m + ".")).findFirst()
                .orElse(PLATFORM);
    }
}
