package io.edumatrix.courses.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.platform.data.ModuleDatabases;
import io.edumatrix.platform.testing.AppConnections;
import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.testing.QueryPlans;
import io.edumatrix.platform.testing.TestDatabase;
import io.edumatrix.platform.web.HttpApplicationTest;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The benchmark of issue 17: a course of 200 lessons in 4 sections with 5,000 enrolled students, each of whom completed
 * up to 39 lessons (about 97,500 progress rows), beside ten courses as large with 1,000 students each in another
 * institution. Run as the module's app role, under row-level security, with EXPLAIN
 * ANALYZE: the outline, a student's progress and a page of the staff progress table each read their indexes, never
 * scan a table, and execute in under 20 ms. Prints each plan and its time (bench/learning-plans.sh shows them).
 */
@HttpApplicationTest
@IntegrationTest
class LearningPlanTests {

    private static final int SECTIONS = 4;
    private static final int LESSONS = 200;
    private static final int STUDENTS = 5_000;
    /** Other courses, of another institution, so that the tables hold more than the measured course. */
    private static final int OTHER_COURSES = 10;
    private static final int OTHER_STUDENTS = 1_000;

    private final ModuleDatabases modules;

    LearningPlanTests(@Autowired ModuleDatabases modules) {
        this.modules = modules;
    }

    @Test
    void outline_progress_and_the_progress_table_read_their_indexes_and_scan_no_table() throws Exception {
        var institution = UUID.randomUUID();
        var course = UUID.randomUUID();
        var enrollment = seed(institution, course, STUDENTS);
        var elsewhere = UUID.randomUUID();
        for (int i = 0; i < OTHER_COURSES; i++) {
            seed(elsewhere, UUID.randomUUID(), OTHER_STUDENTS);
        }
        analyze();
        var outline = QueryPlans.queryOf(LessonRepository.class, "findOutline", UUID.class, List.class)
                .replace(":courseId", quoted(course)).replace(":statuses", "'PUBLISHED'");
        var sections = QueryPlans.queryOf(SectionRepository.class, "findByCourseInOrder", UUID.class)
                .replace(":courseId", quoted(course));
        var figures = QueryPlans.queryOf(ProgressRepository.class, "figuresOf", UUID.class)
                .replace(":enrollmentId", quoted(enrollment));
        var published = QueryPlans.queryOf(ProgressRepository.class, "countPublished", UUID.class)
                .replace(":courseId", quoted(course));
        var table = QueryPlans.queryOf(ProgressRepository.class, "findPage", UUID.class, UUID.class, int.class)
                .replace(":courseId", quoted(course)).replace(":after", quoted(new UUID(0, 0))).replace(":limit", "101");

        try (var app = AppConnections.connectIn(modules.find("courses").orElseThrow(), institution)) {
            assertThat(QueryPlans.rows(app, outline)).as("published lessons in the outline").isEqualTo(LESSONS);
            assertThat(QueryPlans.rows(app, table)).as("a page of the progress table").isEqualTo(101);
            var outlineMillis = measured(app, "Outline: lessons", outline, "lesson_course_", "lesson")
                    + timed(app, "Outline: sections", sections).time();
            var progressMillis = measured(app, "Progress of one student", figures, "lesson_progress_", "lesson_progress")
                    + measured(app, "Published lessons of the course", published, "lesson_course_", "lesson");
            var tableMillis = measured(app, "Progress table, a page of 100", table,
                    "enrollment_(course_|current_key)", "enrollment");
            app.rollback();
            System.out.printf("Learning benchmark (%d lessons, %d students): outline %.3f ms, progress %.3f ms,"
                    + " progress table page %.3f ms%n", LESSONS, STUDENTS, outlineMillis, progressMillis, tableMillis);
        }
    }

    /**
     * The query's execution time, after its plan is found to use an index matching {@code index} (of the course's
     * lessons, of an enrollment's progress, ...) and to scan no {@code table}. The progress table may read either index
     * that leads with the course: with the signed tenant an InitPlan parameter, the planner's estimate of the rows left
     * after the policy's filter, and so its choice between the two, varies with the statistics.
     */
    private static double measured(Connection app, String what, String sql, String index, String table)
            throws SQLException {
        var timed = timed(app, what, sql);
        assertThat(timed.plan()).as(what).containsPattern(index).doesNotContain("Seq Scan on " + table + " ");
        return timed.time();
    }

    /**
     * The query's plan and execution time, once warm, printed. (A course's sections, a few per course, fill a page or
     * two of their table, which PostgreSQL rightly reads whole: their plan is timed only.)
     */
    private static Timed timed(Connection app, String what, String sql) throws SQLException {
        QueryPlans.explain(app, "ANALYZE", sql);
        var plan = QueryPlans.explain(app, "ANALYZE, BUFFERS, FORMAT TEXT", sql);
        System.out.printf("%s:%n%s%n", what, plan);
        return new Timed(plan, QueryPlans.executionTime(plan));
    }

    private record Timed(String plan, double time) {}

    private static String quoted(UUID id) {
        return "'" + id + "'";
    }

    /** The course, its sections, lessons, students and their progress; one enrollment's id with 39 lessons done. */
    private static UUID seed(UUID institution, UUID course, int students) throws SQLException {
        try (var admin = TestDatabase.get().connectAsAdmin(); var statement = admin.createStatement()) {
            admin.setAutoCommit(false);
            // Seeding only: no audit rows for a hundred thousand inserts.
            statement.execute("SET LOCAL session_replication_role = replica");
            var inst = quoted(institution);
            var c = quoted(course);
            statement.execute("INSERT INTO courses.course (id, version, institution_id, code, title, enrollment_open,"
                    + " created_at, updated_at) VALUES (" + c + ", 0, " + inst + ", 'B' || substr(md5(random()::text), 1, 8),"
                    + " 'Benchmark', true, now(), now())");
            statement.execute("INSERT INTO courses.course_section (id, version, institution_id, course_id, title, position,"
                    + " created_at, updated_at) SELECT gen_random_uuid(), 0, " + inst + ", " + c + ", 'Section ' || n, n,"
                    + " now(), now() FROM generate_series(1, " + SECTIONS + ") n");
            statement.execute("INSERT INTO courses.lesson (id, version, institution_id, course_id, section_id, title, kind,"
                    + " body, duration_minutes, status, position, created_at, updated_at, published_at)"
                    + " SELECT gen_random_uuid(), 0, " + inst + ", " + c + ", s.id, 'Lesson ' || n, 'TEXT', 'Read this', 5,"
                    + " 'PUBLISHED', n / " + SECTIONS + " + 1, now(), now(), now() FROM generate_series(0, " + (LESSONS - 1)
                    + ") n JOIN courses.course_section s ON s.course_id = " + c + " AND s.position = n % " + SECTIONS + " + 1");
            statement.execute("INSERT INTO courses.enrollment (id, version, institution_id, course_id, student_id,"
                    + " enrolled_at, status) SELECT gen_random_uuid(), 0, " + inst + ", " + c + ", gen_random_uuid(), now(),"
                    + " 'ACTIVE' FROM generate_series(1, " + students + ")");
            statement.execute("INSERT INTO courses.lesson_progress (id, institution_id, course_id, enrollment_id, lesson_id,"
                    + " student_id, completed_at, updated_at) SELECT gen_random_uuid(), " + inst + ", " + c + ", e.id, l.id,"
                    + " e.student_id, now(), now() FROM (SELECT id, student_id, row_number() OVER (ORDER BY id) k"
                    + " FROM courses.enrollment WHERE course_id = " + c + ") e"
                    + " JOIN (SELECT id, row_number() OVER (ORDER BY id) r FROM courses.lesson WHERE course_id = " + c + ") l"
                    + " ON l.r <= e.k % 40");
            UUID enrollment;
            try (var rows = statement.executeQuery("SELECT enrollment_id FROM courses.lesson_progress WHERE course_id = "
                    + c + " GROUP BY enrollment_id HAVING count(*) = 39 LIMIT 1")) {
                rows.next();
                enrollment = (UUID) rows.getObject(1);
            }
            admin.commit();
            return enrollment;
        }
    }

    private static void analyze() throws SQLException {
        try (var admin = TestDatabase.get().connectAsAdmin(); var statement = admin.createStatement()) {
            for (var table : List.of("course", "course_section", "lesson", "enrollment", "lesson_progress")) {
                statement.execute("VACUUM ANALYZE courses." + table);
            }
        }
    }
}
