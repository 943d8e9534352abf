package io.edumatrix.platform.backup;

import io.edumatrix.platform.domain.DomainException;
import io.edumatrix.platform.web.PlatformProblems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * A request to a module being restored is answered 503 with {@code Retry-After} before it reaches the module; the
 * module is the one whose package holds the controller ({@code io.edumatrix.<module>…}). Other modules serve on.
 */
final class PausedModuleInterceptor implements HandlerInterceptor {

    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);
    private static final String ROOT = "io.edumatrix.";

    private final PausedModules paused;

    PausedModuleInterceptor(PausedModules paused) {
        this.paused = paused;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method) {
            var name = method.getBeanType().getPackageName();
            if (name.startsWith(ROOT)) {
                var module = name.substring(ROOT.length()).split("\\.", 2)[0];
                if (paused.isPaused(module)) {
                    throw new DomainException(PlatformProblems.SERVICE_UNAVAILABLE,
                            "Module '" + module + "' is being restored from a backup; try again shortly", RETRY_AFTER);
                }
            }
        }
        return true;
    }
}
