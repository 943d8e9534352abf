package io.edumatrix.platform.web;

import io.edumatrix.platform.domain.ProblemType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributors;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.http.MediaType;
import org.springframework.util.StringUtils;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers 404 for a path beneath the health endpoint that names no health contributor, before Boot's endpoint sees it.
 * Boot 4.1 walks such a path one segment at a time and, when a segment that names nothing is followed by another
 * ({@code /actuator/health/nothing/x}, {@code /actuator/health/**}{@code /x}), fails on its own assertion (a 500);
 * it answers a single unknown segment with a 404 itself. The walk here is the one Boot means: an optional group name
 * first, then one contributor per segment, each the child of the composite before.
 */
final class UnknownHealthPathFilter extends OncePerRequestFilter {

    static final String HEALTH = "/actuator/health";

    private final HealthContributorRegistry contributors;
    private final HealthEndpointGroups groups;
    private final JsonMapper json;

    UnknownHealthPathFilter(HealthContributorRegistry contributors, HealthEndpointGroups groups, JsonMapper json) {
        this.contributors = contributors;
        this.groups = groups;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var path = UrlPathHelper.defaultInstance.getPathWithinApplication(request);
        if (!path.startsWith(HEALTH + "/") || namesContributor(path.substring(HEALTH.length() + 1))) {
            chain.doFilter(request, response);
            return;
        }
        var problem = Problems.of(ProblemType.NOT_FOUND, "No health group or component has this path");
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    /** Segments split as Boot splits the endpoint's remaining path: empty ones do not count. */
    private boolean namesContributor(String remaining) {
        var segments = StringUtils.tokenizeToStringArray(remaining, "/");
        int first = segments.length > 0 && groups.get(segments[0]) != null ? 1 : 0;
        HealthContributors level = contributors;
        for (int i = first; i < segments.length; i++) {
            var contributor = level == null ? null : level.getContributor(segments[i]);
            if (contributor == null) {
                return false;
            }
            level = contributor instanceof CompositeHealthContributor composite ? composite : null;
        }
        return true;
    }
}
