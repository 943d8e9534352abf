package io.edumatrix.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.platform.testing.IntegrationTest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.EmbeddedValueResolver;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * {@link PathFirstHandlerMapping} picks the handler Spring's own {@link RequestMappingHandlerMapping} picks, for every
 * mapping of the running application and for paths that mix their segments: the same handler method, the same path
 * variables and best-matching pattern, or the same refusal (no handler, 405, 406, 415). Spring's mapping is built over
 * the same controllers, beside the application's.
 */
@HttpApplicationTest
@IntegrationTest
class HandlerLookupTests {

    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");
    private static final List<String> VALUES = List.of("0190a4c2-1d7f-7c3e-9a2b-3c4d5e6f7a8b", "42", "me", "search",
            "a;b=c", "x.json");

    @Autowired
    private ConfigurableApplicationContext context;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping application;
    private RequestMappingHandlerMapping spring;

    @BeforeEach
    void springsOwnMappingOverTheSameControllers() {
        spring = new RequestMappingHandlerMapping();
        spring.setPatternParser(application.getPatternParser());
        spring.setContentNegotiationManager(application.getContentNegotiationManager());
        spring.setEmbeddedValueResolver(new EmbeddedValueResolver(context.getBeanFactory()));
        spring.setApplicationContext(context);
        spring.afterPropertiesSet();
        assertThat(spring.getHandlerMethods().keySet()).as("the same mappings")
                .containsExactlyInAnyOrderElementsOf(application.getHandlerMethods().keySet());
    }

    @Test
    void every_mapping_with_every_method_is_looked_up_as_spring_looks_it_up() {
        var paths = new LinkedHashSet<String>();
        for (var info : application.getHandlerMethods().keySet()) {
            for (var pattern : info.getPatternValues()) {
                for (var value : VALUES) {
                    paths.add(pattern.replaceAll("\\{\\*[^}]+}", "/" + value + "/x")
                            .replaceAll("\\{[^}]+}", value).replace("**", "a/b").replace("*", value));
                }
            }
        }
        int answered = compare(paths);

        assertThat(answered).as("requests some handler answers").isGreaterThan(application.getHandlerMethods().size());
    }

    @Test
    void paths_mixing_the_mappings_segments_are_looked_up_as_spring_looks_them_up() {
        var segments = new ArrayList<>(List.of("", "x", "API", "c%6furses", "api;v=1"));
        for (var info : application.getHandlerMethods().keySet()) {
            for (var pattern : info.getPatternValues()) {
                for (var segment : pattern.split("/")) {
                    if (!segment.contains("{") && !segment.contains("*")) {
                        segments.add(segment);
                    }
                }
            }
        }
        segments.addAll(VALUES);
        var random = new Random(42);
        var paths = new LinkedHashSet<String>();
        while (paths.size() < 3_000) {
            var path = new StringBuilder(random.nextBoolean() ? "/api" : "");
            for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
                path.append('/').append(segments.get(random.nextInt(segments.size())));
            }
            if (random.nextInt(5) == 0) {
                path.append('/');
            }
            paths.add(path.toString());
        }

        assertThat(compare(paths)).as("requests some handler answers").isGreaterThan(100);
    }

    /** Looks every path up with every method in both mappings, asserting the same outcome; counts those answered. */
    private int compare(Set<String> paths) {
        int answered = 0;
        for (var path : paths) {
            for (var method : METHODS) {
                for (var accept : new String[] {null, "application/json", "text/csv"}) {
                    var ours = lookUp(application, method, path, accept);
                    var theirs = lookUp(spring, method, path, accept);
                    assertThat(ours).as("%s %s (Accept %s)", method, path, accept).isEqualTo(theirs);
                    if (ours.startsWith("handler")) {
                        answered++;
                    }
                }
            }
        }
        return answered;
    }

    private static String lookUp(RequestMappingHandlerMapping mapping, String method, String path, String accept) {
        var request = new MockHttpServletRequest(method, path);
        request.setContentType("application/json");
        if (accept != null) {
            request.addHeader(HttpHeaders.ACCEPT, accept);
        }
        ServletRequestPathUtils.parseAndCache(request);
        try {
            var chain = mapping.getHandler(request);
            if (chain == null) {
                return "none";
            }
            var handler = (HandlerMethod) chain.getHandler();
            return "handler " + handler.getMethod() + " " + request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE)
                    + " " + request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE)
                    + " " + request.getAttribute(HandlerMapping.PATH_WITHIN_HANDLER_MAPPING_ATTRIBUTE)
                    + " " + request.getAttribute(HandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE);
        } catch (Exception e) {
            return "refused " + e.getClass().getName();
        }
    }
}
