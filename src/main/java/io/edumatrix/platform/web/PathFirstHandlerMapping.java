package io.edumatrix.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.http.server.PathContainer;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Spring MVC's handler mapping, trying a mapping's path first. A request for a path with a variable
 * ({@code /api/courses/{id}}) is matched against every mapping of the application, a few hundred here, and
 * {@link RequestMappingInfo#getMatchingCondition} checks the method, parameters, headers and media types of each before
 * its path; each of those reads the request through the security filters' wrappers. Almost every mapping fails on its
 * path, so this refuses on the path first: on the literal segments its patterns begin with ({@link LeadingLiterals}),
 * compared with the request's path parsed once per lookup, which leaves a handful of mappings to match in full. A
 * mapping that gets past that is checked in full, as before, by Spring's own code, so which handler answers, and every
 * 404, 405 and 415, is unchanged. On a one-row read the lookup was about a tenth of the CPU (ADR 0025), and running
 * every mapping's patterns still most of it after its conditions were skipped (ADR 0039).
 */
final class PathFirstHandlerMapping extends RequestMappingHandlerMapping {

    /** The path of the request being looked up, parsed once instead of read through the wrappers per mapping. */
    private static final ScopedValue<PathContainer> LOOKED_UP = ScopedValue.newInstance();

    private final Map<RequestMappingInfo, LeadingLiterals> literals = new ConcurrentHashMap<>();

    @Override
    protected @Nullable HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request)
            throws Exception {
        if (!ServletRequestPathUtils.hasParsedRequestPath(request)) {
            return super.lookupHandlerMethod(lookupPath, request);
        }
        var path = ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication();
        return ScopedValue.where(LOOKED_UP, path).call(() -> super.lookupHandlerMethod(lookupPath, request));
    }

    @Override
    protected @Nullable RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
        var paths = info.getPathPatternsCondition();
        if (paths != null) {
            if (LOOKED_UP.isBound() && !literals(info).admits(LOOKED_UP.get())) {
                return null;
            }
            if (paths.getMatchingCondition(request) == null) {
                return null;
            }
        }
        return super.getMatchingMapping(info, request);
    }

    /** Case-insensitive patterns compare segments otherwise: for them every path is admitted. */
    private LeadingLiterals literals(RequestMappingInfo info) {
        return literals.computeIfAbsent(info, mapping -> {
            var parser = getPatternParser();
            var paths = mapping.getPathPatternsCondition();
            return parser != null && parser.isCaseSensitive() && paths != null
                    ? LeadingLiterals.of(paths.getPatterns())
                    : LeadingLiterals.none();
        });
    }
}
