package io.edumatrix.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import io.edumatrix.platform.domain.ProblemType;
import io.edumatrix.platform.testing.ApplicationClasses;
import io.edumatrix.platform.testing.UnitTest;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.util.StringUtils;

/**
 * The one module shape of ADR 0009 (amended by issue 15), checked on every configured module: what its root package
 * holds, where its problem types and views are declared, and how large one folder may grow.
 */
@UnitTest
class ModuleShapeTests {

    /** Past this many top-level types, a folder's types go into sub-packages by area. */
    static final int MOST_TYPES_IN_ONE_FOLDER = 30;

    /** The application's classes as written, without what Spring AOT generates into the same packages. */
    private static final JavaClasses PRODUCTION = ApplicationClasses.production();

    @Test
    void a_modules_root_package_holds_only_its_api_facade_interfaces_for_others_events_and_the_records_they_carry() {
        var offenders = ConfiguredModules.names().stream().flatMap(module -> PRODUCTION.stream()
                .filter(type -> type.getPackageName().equals(root(module)) && type.isTopLevelClass())
                .filter(type -> !type.getSimpleName().equals("package-info"))
                .filter(type -> !(type.isInterface() || type.isRecord() || type.isEnum()))
                .map(JavaClass::getName)).toList();

        assertThat(offenders).as("classes in a module's root package (only interfaces, records and enums belong there)")
                .isEmpty();
    }

    @Test
    void the_only_facade_a_module_implements_itself_is_named_after_the_module_with_api() {
        var offenders = ConfiguredModules.names().stream().flatMap(module -> PRODUCTION.stream()
                .filter(type -> type.getPackageName().equals(root(module)) && type.isInterface()
                        && !type.isAnnotation())
                .filter(facade -> facade.getAllSubclasses().stream().anyMatch(impl -> inModule(impl, module)))
                .filter(facade -> !facade.getSimpleName().equals(StringUtils.capitalize(module) + "Api"))
                .map(JavaClass::getName)).toList();

        assertThat(offenders).as("interfaces a module implements itself, not named <Module>Api").isEmpty();
    }

    @Test
    void a_module_declares_its_problem_types_in_one_problems_class() {
        var declaringClasses = new TreeMap<String, List<String>>();
        for (var module : ConfiguredModules.names()) {
            var classes = PRODUCTION.stream().filter(type -> inModule(type, module))
                    .filter(type -> type.getFields().stream().anyMatch(field -> field.getRawType()
                            .isEquivalentTo(ProblemType.class) && field.getModifiers().contains(JavaModifier.STATIC)))
                    .map(JavaClass::getSimpleName).sorted().toList();
            declaringClasses.put(module, classes);
        }

        assertThat(declaringClasses).as("classes declaring ProblemType constants, by module").allSatisfy(
                (module, classes) -> assertThat(classes).as(module).hasSizeLessThanOrEqualTo(1)
                        .allMatch(name -> name.endsWith("Problems")));
    }

    @Test
    void a_modules_views_are_declared_in_its_one_views_class() {
        var strays = ConfiguredModules.names().stream().flatMap(module -> PRODUCTION.stream()
                .filter(type -> inModule(type, module) && type.getSimpleName().endsWith("View"))
                .filter(view -> view.getEnclosingClass().map(JavaClass::getSimpleName).filter("Views"::equals).isEmpty())
                .map(JavaClass::getName)).toList();
        var viewsClasses = ConfiguredModules.names().stream().collect(Collectors.toMap(module -> module,
                module -> PRODUCTION.stream().filter(type -> inModule(type, module)
                        && type.getSimpleName().equals("Views")).count()));

        assertThat(strays).as("*View types declared outside their module's Views class").isEmpty();
        assertThat(viewsClasses).as("Views classes by module").allSatisfy(
                (module, count) -> assertThat(count).as(module).isLessThanOrEqualTo(1));
    }

    @Test
    void no_folder_of_a_module_holds_more_than_thirty_types_past_that_they_go_into_sub_packages_by_area() {
        Map<String, Long> crowded = PRODUCTION.stream()
                .filter(type -> ConfiguredModules.names().stream().anyMatch(module -> inModule(type, module)))
                .filter(JavaClass::isTopLevelClass)
                .collect(Collectors.groupingBy(JavaClass::getPackageName, TreeMap::new, Collectors.counting()));
        crowded.values().removeIf(count -> count <= MOST_TYPES_IN_ONE_FOLDER);

        assertThat(crowded).as("folders with more than %d types", MOST_TYPES_IN_ONE_FOLDER).isEmpty();
    }

    private static String root(String module) {
        return ConfiguredModules.ROOT_PACKAGE + "." + module;
    }

    private static boolean inModule(JavaClass type, String module) {
        return type.getPackageName().equals(root(module)) || type.getPackageName().startsWith(root(module) + ".");
    }
}
