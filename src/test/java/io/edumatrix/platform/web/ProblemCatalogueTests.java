package io.edumatrix.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import io.edumatrix.platform.domain.ProblemType;
import io.edumatrix.platform.testing.ApplicationClasses;
import io.edumatrix.platform.testing.UnitTest;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/**
 * The README's table of errors is the contract of every problem {@code type} a client can meet; this keeps it true. It
 * lists exactly the names of the {@code static final ProblemType} constants of the application (the platform's and
 * every module's), each with the status its category maps to.
 */
@UnitTest
class ProblemCatalogueTests {

    private static final Path README = Path.of("README.md");

    /** Imported once for the three tests: the class import is most of the unit tier's time. */
    private static final List<ProblemType> DECLARED = declaredTypes();

    @Test
    void the_readme_lists_exactly_the_problem_types_of_the_application_with_the_status_of_their_category()
            throws IOException {
        var documented = documentedStatuses();
        var declared = declaredStatuses();

        assertThat(documented).as("README.md ## Errors table (name → status) against the ProblemType constants")
                .containsExactlyInAnyOrderEntriesOf(declared);
    }

    @Test
    void constants_sharing_a_name_share_their_category_and_title() {
        var byName = DECLARED.stream().collect(Collectors.groupingBy(ProblemType::name));

        byName.forEach((name, types) -> assertThat(types).as("ProblemType constants named %s", name)
                .extracting(ProblemType::category, ProblemType::title)
                .containsOnly(Tuple.tuple(types.getFirst().category(), types.getFirst().title())));
    }

    @Test
    void the_catalogue_finds_the_platforms_and_the_modules_types() {
        assertThat(declaredStatuses()).containsEntry("not-found", 404).containsEntry("malformed-request", 400)
                .containsEntry("service-unavailable", 503).containsEntry("enrollment-closed", 422)
                .containsEntry("duplicate-code", 409);
    }

    private static Map<String, Integer> declaredStatuses() {
        return DECLARED.stream().collect(Collectors.toMap(ProblemType::name,
                type -> ProblemStatus.of(type.category()).value(), (a, b) -> a, TreeMap::new));
    }

    /** The value of every {@code static final ProblemType} field of the application's classes, not its tests'. */
    private static List<ProblemType> declaredTypes() {
        return ApplicationClasses.production().stream()
                .flatMap(javaClass -> javaClass.getFields().stream())
                .filter(field -> field.getRawType().isEquivalentTo(ProblemType.class)
                        && field.getModifiers().containsAll(List.of(JavaModifier.STATIC, JavaModifier.FINAL)))
                .map(ProblemCatalogueTests::valueOf)
                .toList();
    }

    private static ProblemType valueOf(JavaField field) {
        try {
            Field reflected = field.reflect();
            reflected.setAccessible(true);
            return (ProblemType) reflected.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot read " + field.getFullName(), e);
        }
    }

    /**
     * The table under {@code ## Errors} whose first header cell is {@code name}: one row per problem type, its name
     * (in backticks or not) and its status.
     */
    private static Map<String, Integer> documentedStatuses() throws IOException {
        var rows = new ArrayList<List<String>>();
        boolean inSection = false;
        List<String> header = null;
        for (var line : Files.readAllLines(README)) {
            if (line.startsWith("## ")) {
                inSection = line.strip().equals("## Errors");
                header = null;
            } else if (!inSection || !line.startsWith("|")) {
                header = null;
            } else if (header == null) {
                header = cells(line);
            } else if (!line.matches("\\|[\\s|:-]+\\|?\\s*") && header.getFirst().equals("name")) {
                rows.add(cells(line));
            }
        }
        assertThat(rows).as("rows of the errors table in README.md").isNotEmpty();
        assertThat(rows).extracting(List::getFirst).as("names in the errors table").doesNotHaveDuplicates();
        return rows.stream().collect(Collectors.toMap(List::getFirst, cells -> Integer.parseInt(cells.get(1)),
                (a, b) -> a, TreeMap::new));
    }

    private static List<String> cells(String line) {
        var trimmed = line.strip();
        trimmed = trimmed.substring(1, trimmed.endsWith("|") ? trimmed.length() - 1 : trimmed.length());
        return Arrays.stream(trimmed.split("\\|", -1)).map(c -> c.strip().replace("`", "")).toList();
    }
}
