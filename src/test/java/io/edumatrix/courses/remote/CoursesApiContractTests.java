package io.edumatrix.courses.remote;

import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.courses.CourseSummary;
import io.edumatrix.courses.CoursesApi;
import io.edumatrix.platform.remote.ContractPlacements;
import io.edumatrix.platform.tenancy.TenantContext;
import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.testing.World;
import io.edumatrix.platform.web.HttpApplicationTest;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.client.RestTestClient;

/** ADR 0035: {@link CoursesApi} answers the same in this process and from another one, over its internal binding. */
@HttpApplicationTest
@IntegrationTest
class CoursesApiContractTests {

    @Autowired
    private RestTestClient anonymous;

    @Autowired
    private ApplicationContext context;

    @LocalServerPort
    private int port;

    static Stream<String> placements() {
        return ContractPlacements.both();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("placements")
    void a_course_its_instructors_and_learners_in_the_current_institution_and_nothing_of_another(String placement) {
        var courses = ContractPlacements.api(placement, "courses", CoursesApi.class, context, port,
                RemoteCoursesApi::new);
        var world = new World(anonymous);
        var school = world.institution();
        var elsewhere = world.institution();
        var code = World.uniqueCode("C");
        var course = World.course(school.instructor().client(), school.id(), code, "Algebra");
        var learner = world.learner(school, course);

        TenantContext.inInstitution(school.id(), () -> {
            assertThat(courses.findCourse(course)).get().extracting(CourseSummary::id, CourseSummary::code)
                    .containsExactly(course, code);
            assertThat(courses.findCourse(UUID.randomUUID())).isEmpty();
            assertThat(courses.instructorsOf(course)).containsExactly(school.instructor().accountId());
            assertThat(courses.learnersOf(course)).containsExactly(learner.accountId());
            assertThat(courses.hasTakenPart(course, learner.accountId())).isTrue();
            assertThat(courses.hasTakenPart(course, school.student().accountId())).isFalse();
            return null;
        });
        TenantContext.inInstitution(elsewhere.id(), () -> {
            assertThat(courses.findCourse(course)).isEmpty();
            assertThat(courses.instructorsOf(course)).isEmpty();
            assertThat(courses.hasTakenPart(course, learner.accountId())).isFalse();
            return null;
        });
    }
}
