package io.edumatrix.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.EduMatrixApplication;
import io.edumatrix.platform.testing.UnitTest;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module structure Spring Modulith sees agrees with itself and with the module list the platform runs. */
@UnitTest
class ModularityTests {

    private static final String PLATFORM = "platform";

    private static final ApplicationModules MODULES =
            ApplicationModules.of(EduMatrixApplication.class, IsolationRules.PRODUCTION_CODE);

    @Test
    void modules_have_no_cycles_and_use_each_other_only_through_declared_apis() {
        MODULES.verify();
    }

    @Test
    void every_configured_module_is_a_modulith_module_and_every_modulith_module_but_the_platform_is_configured() {
        var modulith = MODULES.stream().map(m -> m.getIdentifier().toString()).filter(m -> !m.equals(PLATFORM)).toList();
        assertThat(modulith).as("Modulith modules under io.edumatrix besides the platform")
                .containsExactlyInAnyOrderElementsOf(ConfiguredModules.names());
    }

    @Test
    void every_configured_module_declares_its_allowed_dependencies_in_its_package_info() {
        assertThat(ConfiguredModules.names()).allSatisfy(module -> assertThat(declaredDependencies(module))
                .as("@ApplicationModule(allowedDependencies = {…}) in io.edumatrix.%s/package-info.java", module)
                .hasValueSatisfying(allowed -> assertThat(allowed).doesNotContain(ApplicationModule.OPEN_TOKEN)));
    }

    @Test
    void module_documentation_is_written_to_the_build_directory() throws Exception {
        var output = buildDirectory().resolve("spring-modulith-docs");
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(output.toString()))
                .writeDocumentation()
                .writeIndividualModulesAsPlantUml();
        try (Stream<Path> files = Files.list(output)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .contains("components.puml", "all-docs.adoc")
                    .anyMatch(name -> name.startsWith("module-"));
        }
    }

    /** The allowed dependencies written in the module's package-info, if it declares them at all. */
    private static Optional<List<String>> declaredDependencies(String module) {
        try {
            var packageInfo = Class.forName(ConfiguredModules.ROOT_PACKAGE + "." + module + ".package-info");
            return Optional.ofNullable(packageInfo.getAnnotation(ApplicationModule.class))
                    .map(annotation -> Arrays.asList(annotation.allowedDependencies()));
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        }
    }

    /** target/ or whatever -Dbuild.dir names: the parent of the test classes folder. */
    private static Path buildDirectory() throws URISyntaxException {
        return Path.of(ModularityTests.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
    }
}
