package io.edumatrix.courses;

import static io.edumatrix.platform.testing.Api.body;
import static io.edumatrix.platform.testing.Api.created;
import static io.edumatrix.platform.testing.Api.id;
import static io.edumatrix.platform.testing.Api.ok;
import static io.edumatrix.platform.testing.Api.patch;
import static io.edumatrix.platform.testing.Api.post;
import static io.edumatrix.platform.testing.Api.read;
import static io.edumatrix.platform.testing.Api.values;
import static io.edumatrix.platform.testing.World.uniqueCode;
import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.testing.World;
import io.edumatrix.platform.web.HttpApplicationTest;
import io.edumatrix.platform.web.Problem;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.client.RestTestClient;

/** An enrollment's life over HTTP: withdrawal by the student or by staff, enrolling again, and a course's capacity. */
@HttpApplicationTest
@IntegrationTest
class EnrollmentLifeCycleHttpApiTests {

    @Autowired
    private RestTestClient anonymous;

    private World world;
    private World.Institution school;
    private RestTestClient staff;

    @BeforeEach
    void anInstitution() {
        world = new World(anonymous);
        school = world.institution();
        staff = school.instructor().client();
    }

    @Test
    void a_student_withdraws_and_enrolls_again_in_a_new_enrollment_and_staff_may_withdraw_them_too() {
        var course = World.course(staff, school.id(), uniqueCode("C"), "Algebra");
        var student = school.student().client();
        var first = created(post(student, enrollments(course), Map.of()));

        var withdrawn = ok(post(student, enrollments(course) + "/me/withdrawal", Map.of()));
        Problem.expect(post(student, enrollments(course) + "/me/withdrawal", Map.of()), HttpStatus.NOT_FOUND, "not-found");
        var again = created(post(student, enrollments(course), Map.of()));
        var byStaff = ok(post(staff, enrollments(course) + "/" + id(again) + "/withdrawal", Map.of()));
        var refused = body(post(staff, enrollments(course) + "/" + id(again) + "/withdrawal", Map.of())
                .expectStatus().isEqualTo(409));

        assertThat(first).containsEntry("status", "ACTIVE");
        assertThat(withdrawn).containsEntry("id", first.get("id")).containsEntry("status", "WITHDRAWN")
                .containsKey("withdrawnAt");
        assertThat(id(again)).isNotEqualTo(id(first));
        assertThat(byStaff).containsEntry("status", "WITHDRAWN");
        assertThat(refused).containsEntry("currentState", "WITHDRAWN");
        assertThat(values(read(staff, enrollments(course) + "?limit=100"), "status")).containsExactly("WITHDRAWN", "WITHDRAWN");
    }

    @Test
    void a_student_cannot_withdraw_someone_else_and_another_institutions_staff_find_no_enrollment() {
        var course = World.course(staff, school.id(), uniqueCode("C"), "Algebra");
        var enrollment = id(created(post(school.student().client(), enrollments(course), Map.of())));
        var classmate = world.member(world.platformAdmin(), school.id(), "STUDENT").client();
        var other = world.institution();

        Problem.expect(post(classmate, enrollments(course) + "/" + enrollment + "/withdrawal", Map.of()),
                HttpStatus.FORBIDDEN, "forbidden");
        Problem.expect(post(classmate, enrollments(course) + "/me/withdrawal", Map.of()), HttpStatus.NOT_FOUND, "not-found");
        Problem.expect(post(other.instructor().client(), enrollments(course) + "/" + enrollment + "/withdrawal", Map.of()),
                HttpStatus.NOT_FOUND, "not-found");

        assertThat(values(read(staff, enrollments(course) + "?limit=100"), "status")).containsExactly("ACTIVE");
    }

    @Test
    void concurrent_enrollments_never_exceed_the_capacity_and_a_withdrawal_frees_a_place() throws Exception {
        var course = id(created(post(staff, "/api/courses", Map.of("institutionId", school.id(), "code", uniqueCode("C"),
                "title", "Small group", "capacity", 2))));
        var admin = world.platformAdmin();
        var students = new ArrayList<RestTestClient>();
        for (int i = 0; i < 6; i++) {
            students.add(world.member(admin, school.id(), "STUDENT").client());
        }
        var barrier = new CyclicBarrier(students.size());

        var calls = students.stream().map(student -> CompletableFuture.supplyAsync(() -> {
            await(barrier);
            return post(student, enrollments(course), Map.of()).returnResult().getStatus().value();
        })).toList();
        var statuses = new ArrayList<Integer>();
        for (var call : calls) {
            statuses.add(call.get());
        }

        assertThat(statuses).filteredOn(s -> s == 201).hasSize(2);
        assertThat(statuses).filteredOn(s -> s == 422).hasSize(4);
        var full = Problem.expect(post(school.student().client(), enrollments(course), Map.of()),
                HttpStatus.UNPROCESSABLE_CONTENT, "course-full");
        assertThat(full.detail()).contains("2");
        var enrolled = students.get(statuses.indexOf(201));
        ok(post(enrolled, enrollments(course) + "/me/withdrawal", Map.of()));
        created(post(school.student().client(), enrollments(course), Map.of()));
        assertThat(values(read(staff, enrollments(course) + "?limit=100"), "status"))
                .containsExactlyInAnyOrder("ACTIVE", "WITHDRAWN", "ACTIVE");
    }

    @Test
    void staff_set_and_change_a_capacity_within_1_to_100000() {
        var course = World.course(staff, school.id(), uniqueCode("C"), "Algebra");

        var changed = ok(patch(staff, "/api/courses/" + course, Map.of("capacity", 30)));
        var refused = Problem.expect(patch(staff, "/api/courses/" + course, Map.of("capacity", 0)), HttpStatus.BAD_REQUEST,
                "invalid-request");

        assertThat(changed).containsEntry("capacity", 30);
        assertThat(refused.rejectedFields()).containsExactly("capacity");
        assertThat(read(staff, "/api/courses/" + course)).containsEntry("capacity", 30);
    }

    private static String enrollments(UUID course) {
        return "/api/courses/" + course + "/enrollments";
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
