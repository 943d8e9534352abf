package io.edumatrix.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.http.server.PathContainer;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Spring MVC's handler mapping, looking a request up among the mappings of its own path first. A request for a path
 * with a variable ({@code /api/courses/{id}}) is matched by Spring against every mapping of the application, a few
 * hundred here, and {@link RequestMappingInfo#getMatchingCondition} checks the method, parameters, headers and media
 * types of each before its path. This looks up the mappings whose leading literal segments the path begins with
 * ({@link MappingsByLiterals}), a handful, and matches those in full with Spring's own code. If exactly one matches, it
 * answers as Spring would with a single match: every mapping that matches is among the handful, since the literals
 * never refuse a path a pattern matches ({@link LeadingLiterals}). Anything else (no match, so a 404, 405 or 415 to
 * work out; several, to be ranked; a CORS preflight) goes to Spring's lookup over all mappings, which refuses on the
 * path first as well. On a one-row read the lookup was about a tenth of the CPU (ADR 0025, ADR 0039, ADR 0042).
 */
final class PathFirstHandlerMapping extends RequestMappingHandlerMapping {

    /** The path of the request being looked up, parsed once instead of read through the wrappers per mapping. */
    private static final ScopedValue<PathContainer> LOOKED_UP = ScopedValue.newInstance();

    private final Map<RequestMappingInfo, LeadingLiterals> literals = new ConcurrentHashMap<>();
    /** Built at the first lookup after the mappings last changed. */
    private volatile @Nullable MappingsByLiterals byLiterals;

    @Override
    protected @Nullable HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request)
            throws Exception {
        if (!ServletRequestPathUtils.hasParsedRequestPath(request)) {
            return super.lookupHandlerMethod(lookupPath, request);
        }
        var path = ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication();
        if (!CorsUtils.isPreFlightRequest(request)) {
            var only = onlyMatch(path, request);
            if (only != null) {
                request.setAttribute(BEST_MATCHING_HANDLER_ATTRIBUTE, only.handler());
                handleMatch(only.mapping(), lookupPath, request);
                return only.handler();
            }
        }
        return ScopedValue.where(LOOKED_UP, path).call(() -> super.lookupHandlerMethod(lookupPath, request));
    }

    /** The one mapping of the path's own that matches the request, with its handler; null for none or several. */
    private MappingsByLiterals.@Nullable Candidate onlyMatch(PathContainer path, HttpServletRequest request) {
        MappingsByLiterals.Candidate only = null;
        for (var candidate : byLiterals().candidates(path)) {
            var matched = getMatchingMapping(candidate.mapping(), request);
            if (matched != null) {
                if (only != null) {
                    return null;
                }
                only = new MappingsByLiterals.Candidate(matched, candidate.handler());
            }
        }
        return only;
    }

    private MappingsByLiterals byLiterals() {
        var built = byLiterals;
        if (built == null) {
            built = new MappingsByLiterals(getHandlerMethods(), this::literals);
            byLiterals = built;
        }
        return built;
    }

    @Override
    protected void registerHandlerMethod(Object handler, Method method, RequestMappingInfo mapping) {
        super.registerHandlerMethod(handler, method, mapping);
        byLiterals = null;
    }

    /** Spring registers a mapping added at run time without {@link #registerHandlerMethod}. */
    @Override
    public void registerMapping(RequestMappingInfo mapping, Object handler, Method method) {
        super.registerMapping(mapping, handler, method);
        byLiterals = null;
    }

    @Override
    public void unregisterMapping(RequestMappingInfo mapping) {
        super.unregisterMapping(mapping);
        byLiterals = null;
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
