package io.edumatrix.platform.rollback;

import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.platform.data.DatabaseSetup;
import io.edumatrix.platform.data.EduMatrixProperties;
import io.edumatrix.platform.data.FreshDatabase;
import io.edumatrix.platform.data.ModuleDatabases;
import io.edumatrix.platform.testing.IntegrationTest;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Rolling the statistics module back below db/statistics/V2 puts every figure back in one row holding the sum of its
 * shards, in both tables and for every institution, although the script runs as the owner under forced row-level
 * security with no tenant set; the force is back afterwards.
 */
@IntegrationTest
class FigureShardsRollbackTests {

    private static final String SCHOOL = "00000000-0000-0000-0000-00000000000a";
    private static final String OTHER = "00000000-0000-0000-0000-00000000000b";

    private static FreshDatabase database;
    private static ModuleDatabases statistics;

    @BeforeAll
    static void migrateStatistics() throws SQLException {
        database = FreshDatabase.create();
        try (var context = new SpringApplicationBuilder(RollbackCommand.PropertiesOnly.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                .run(database.launch().arguments())) {
            var all = ModuleDatabases.of(context.getBean(EduMatrixProperties.class));
            statistics = new ModuleDatabases(all.settings(), List.of(all.find("statistics").orElseThrow()));
        }
        try (var setup = new DatabaseSetup(statistics)) {
            setup.awaitAllMigrated();
        }
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        database.close();
    }

    @Test
    void going_below_the_shards_sums_each_figure_into_one_row() throws Exception {
        execute("INSERT INTO statistics.figure (institution_id, name, shard, value) VALUES ('" + SCHOOL + "', 'courses', 0, 2),"
                + " ('" + SCHOOL + "', 'courses', 3, 5), ('" + SCHOOL + "', 'courses', 15, 1),"
                + " ('" + SCHOOL + "', 'enrollments', 7, 4), ('" + OTHER + "', 'courses', 9, 10)");
        execute("INSERT INTO statistics.daily_figure (institution_id, metric, day, shard, value) VALUES"
                + " ('" + SCHOOL + "', 'courses', '2026-12-07', 0, 1), ('" + SCHOOL + "', 'courses', '2026-12-07', 4, 6),"
                + " ('" + SCHOOL + "', 'courses', '2026-12-08', 11, 3), ('" + OTHER + "', 'courses', '2026-12-07', 2, 2)");

        var done = new ModuleRollback(statistics).rollBack("statistics", 1, true);

        assertThat(done).contains("ran db-down/statistics/D2__spread_figures_over_shards.sql");
        assertThat(rows("SELECT institution_id || ' ' || name || ' ' || value FROM statistics.figure ORDER BY 1"))
                .containsExactly(SCHOOL + " courses 8", SCHOOL + " enrollments 4", OTHER + " courses 10");
        assertThat(rows("SELECT institution_id || ' ' || metric || ' ' || day || ' ' || value"
                + " FROM statistics.daily_figure ORDER BY 1"))
                .containsExactly(SCHOOL + " courses 2026-12-07 7", SCHOOL + " courses 2026-12-08 3",
                        OTHER + " courses 2026-12-07 2");
        assertThat(rows("SELECT relname || ' ' || relforcerowsecurity FROM pg_class"
                + " WHERE relnamespace = 'statistics'::regnamespace AND relname IN ('figure', 'daily_figure') ORDER BY 1"))
                .containsExactly("daily_figure true", "figure true");
    }

    private static void execute(String sql) throws SQLException {
        try (var admin = database.connectAsAdmin(); var statement = admin.createStatement()) {
            statement.execute(sql);
        }
    }

    private static List<String> rows(String sql) throws SQLException {
        try (var admin = database.connectAsAdmin(); var statement = admin.createStatement();
                var result = statement.executeQuery(sql)) {
            var rows = new ArrayList<String>();
            while (result.next()) {
                rows.add(result.getString(1));
            }
            return rows;
        }
    }
}
