package io.edumatrix.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.platform.testing.UnitTest;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * {@link LeadingLiterals} never refuses a path that one of the patterns matches (which would turn an answered request
 * into a 404), and does refuse the paths of other mappings, which is what it is for: compared with
 * {@link PathPattern#matches} on generated paths mixing the patterns' own segments, their case, percent-encoded letters,
 * matrix variables, empty segments and trailing slashes.
 */
@UnitTest
class LeadingLiteralsTests {

    private static final List<String> PATTERNS = List.of("/api/courses/{id}", "/api/courses", "/api/courses/{id}/enrollments",
            "/api/courses/{id}/enrollments/me/withdrawal", "/api/jobs/**", "/api/news/{*rest}", "/api/certificates/{code}",
            "/actuator/health/**", "/api/c*s/{id}", "/api/{module}/events", "/", "", "/api/accounts/me",
            "/api/x.y_z~-1/{id:[0-9]+}", "/api/a%20b/{id}", "/error");

    private static final List<String> SEGMENTS = List.of("api", "API", "courses", "Courses", "c%6furses", "courses;v=1",
            "jobs", "news", "enrollments", "me", "withdrawal", "0190a4c2-1d7f-7c3e-9a2b-3c4d5e6f7a8b", "", "health",
            "actuator", "certificates", "events", "x.y_z~-1", "x.y_z~-1;a", "42", "a%20b", "a b", "error", "accounts",
            "%61pi", "crs");

    @Test
    void no_path_a_pattern_matches_is_refused() {
        var parser = PathPatternParser.defaultInstance;
        var random = new Random(39);
        int matched = 0;
        int refused = 0;
        for (var text : PATTERNS) {
            var pattern = parser.parse(parser.initFullPathPattern(text));
            var literals = LeadingLiterals.of(List.of(pattern));
            for (int i = 0; i < 20_000; i++) {
                var path = PathContainer.parsePath(randomPath(random));
                boolean matches = pattern.matches(path);
                boolean admitted = literals.admits(path);
                if (matches) {
                    matched++;
                    assertThat(admitted).as("%s refused %s, which it matches", text, path.value()).isTrue();
                } else if (!admitted) {
                    refused++;
                }
            }
        }
        assertThat(matched).as("generated paths that some pattern matches").isGreaterThan(1_000);
        assertThat(refused).as("generated paths refused on their leading literals").isGreaterThan(100_000);
    }

    @Test
    void another_modules_path_is_refused_and_the_own_admitted() {
        var parser = PathPatternParser.defaultInstance;
        var course = LeadingLiterals.of(List.of(parser.parse("/api/courses/{id}")));
        assertThat(course.admits(PathContainer.parsePath("/api/jobs/1"))).isFalse();
        assertThat(course.admits(PathContainer.parsePath("/api/course/1"))).isFalse();
        assertThat(course.admits(PathContainer.parsePath("/api"))).isFalse();
        assertThat(course.admits(PathContainer.parsePath("/api/courses/1"))).isTrue();
        assertThat(course.admits(PathContainer.parsePath("/api/c%6furses/1"))).isTrue();
        var either = LeadingLiterals.of(List.of(parser.parse("/api/jobs/{id}"), parser.parse("/api/news/{id}")));
        assertThat(either.admits(PathContainer.parsePath("/api/news/1"))).isTrue();
        assertThat(either.admits(PathContainer.parsePath("/api/courses/1"))).isFalse();
    }

    @Test
    void a_pattern_beginning_with_a_variable_admits_every_path() {
        var parser = PathPatternParser.defaultInstance;
        var any = LeadingLiterals.of(List.of(parser.parse("/api/courses"), parser.parse("/{module}/x")));
        assertThat(any.admits(PathContainer.parsePath("/jobs/x"))).isTrue();
        assertThat(LeadingLiterals.none().admits(PathContainer.parsePath("/anything"))).isTrue();
    }

    private static String randomPath(Random random) {
        var path = new StringBuilder();
        int segments = random.nextInt(6);
        for (int i = 0; i < segments; i++) {
            path.append('/').append(SEGMENTS.get(random.nextInt(SEGMENTS.size())));
        }
        if (segments == 0 || random.nextInt(8) == 0) {
            path.append('/');
        }
        return path.toString();
    }
}
