package io.edumatrix.platform.rollback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edumatrix.platform.data.DatabaseSetup;
import io.edumatrix.platform.data.EduMatrixProperties;
import io.edumatrix.platform.data.FreshDatabase;
import io.edumatrix.platform.data.ModuleDatabases;
import io.edumatrix.platform.testing.IntegrationTest;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * A rollback that would drop data is refused and changes nothing; told to go ahead, it does, and the history then names
 * the version asked for. Run on the courses module alone, in a database of the test's own.
 */
@IntegrationTest
class ModuleRollbackTests {

    private static FreshDatabase database;
    private static ModuleDatabases courses;

    @BeforeAll
    static void migrateCourses() throws SQLException {
        database = FreshDatabase.create();
        try (var context = new SpringApplicationBuilder(RollbackCommand.PropertiesOnly.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                .run(database.launch().arguments())) {
            var all = ModuleDatabases.of(context.getBean(EduMatrixProperties.class));
            courses = new ModuleDatabases(all.settings(), List.of(all.find("courses").orElseThrow()));
        }
        try (var setup = new DatabaseSetup(courses)) {
            setup.awaitAllMigrated();
        }
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        database.close();
    }

    @Test
    void a_rollback_that_drops_rows_is_refused_unless_allowed_and_an_empty_table_goes_without_asking() throws Exception {
        execute("INSERT INTO courses.course VALUES ('00000000-0000-0000-0000-000000000001', 0, gen_random_uuid(), 'ALG1',"
                + " 'Algebra', null, true, now(), now())");
        execute("INSERT INTO courses.course_instructor VALUES (gen_random_uuid(), gen_random_uuid(), "
                + "'00000000-0000-0000-0000-000000000001', gen_random_uuid(), now())");
        var rollback = new ModuleRollback(courses);
        var latest = version();

        assertThatThrownBy(() -> rollback.rollBack("courses", 3, false))
                .isInstanceOf(RollbackRefusedException.class)
                .hasMessageContaining("would destroy data: table course_instructor (1 rows)")
                .hasMessageContaining("Nothing was changed");
        assertThat(version()).isEqualTo(latest);
        assertThat(count("courses.course_instructor")).isEqualTo(1);

        execute("DELETE FROM courses.course_instructor");
        assertThat(rollback.rollBack("courses", 3, false)).contains("ran db-down/courses/D4__create_course_instructor.sql");
        assertThat(version()).isEqualTo(3);
        assertThat(exists("courses.course_instructor")).isFalse();

        execute("INSERT INTO courses.enrollment_closure VALUES (gen_random_uuid(), 0, gen_random_uuid(), 'end of term', 0, now())");
        assertThat(rollback.rollBack("courses", 2, true)).contains("dropped table enrollment_closure (1 rows)");
        assertThat(version()).isEqualTo(2);

        try (var setup = new DatabaseSetup(courses)) {
            setup.awaitAllMigrated();
        }
        assertThat(version()).isEqualTo(latest);
        assertThat(exists("courses.course_instructor")).isTrue();
    }

    @Test
    void a_version_at_or_above_the_current_one_and_an_unknown_module_are_refused() throws SQLException {
        var rollback = new ModuleRollback(courses);
        var current = version();
        assertThatThrownBy(() -> rollback.rollBack("courses", current, false)).isInstanceOf(RollbackRefusedException.class)
                .hasMessageContaining("is at version " + current + "; --to-version must be below it");
        assertThatThrownBy(() -> rollback.rollBack("lectures", 1, false)).isInstanceOf(RollbackRefusedException.class)
                .hasMessageContaining("No module 'lectures'");
    }

    private static void execute(String sql) throws SQLException {
        try (var admin = database.connectAsAdmin(); var statement = admin.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long count(String table) throws SQLException {
        try (var admin = database.connectAsAdmin(); var statement = admin.createStatement();
                var rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static boolean exists(String table) throws SQLException {
        try (var admin = database.connectAsAdmin(); var statement = admin.createStatement();
                var rows = statement.executeQuery("SELECT to_regclass('" + table + "') IS NOT NULL")) {
            rows.next();
            return rows.getBoolean(1);
        }
    }

    private static int version() throws SQLException {
        try (var admin = database.connectAsAdmin(); var statement = admin.createStatement();
                var rows = statement.executeQuery("SELECT max(version::integer) FROM courses.flyway_schema_history WHERE success")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
