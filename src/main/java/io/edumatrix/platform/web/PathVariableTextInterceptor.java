package io.edumatrix.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Refuses a control character in a path variable, once for every handler, with an {@code invalid-request} naming the
 * variable ({@link ParameterText}). Spring Security's firewall refuses NUL, CR and LF anywhere in the path before this,
 * but lets the other controls through; conversion would turn some into a confusing "missing" variable, and a text
 * variable would carry them on. This runs after the handler is mapped, when the variables are known, and before any
 * argument is converted or any transaction begins. (Query parameters are checked earlier, by
 * {@link UnreadableRequestFilter}.)
 */
final class PathVariableTextInterceptor implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
            for (var variable : variables.entrySet()) {
                var flaw = ParameterText.flawOf(String.valueOf(variable.getValue()));
                if (flaw != null) {
                    throw new RejectedPathVariableException(String.valueOf(variable.getKey()), flaw);
                }
            }
        }
        return true;
    }
}
