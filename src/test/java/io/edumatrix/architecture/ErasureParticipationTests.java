package io.edumatrix.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.edumatrix.platform.events.ModuleListener;
import io.edumatrix.platform.privacy.ErasureRequested;
import io.edumatrix.platform.privacy.PersonalDataHolder;
import io.edumatrix.platform.testing.UnitTest;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * ADR 0015: a module that holds personal data takes part in every erasure. An erasure waits for a confirmation from
 * each module with a {@link PersonalDataHolder}, and only a module's own listener of {@link ErasureRequested} sends
 * one; a holder without that listener would leave every erasure pending for ever.
 */
@UnitTest
class ErasureParticipationTests {

    private static final List<Class<?>> PRODUCTION = new ClassFileImporter()
            .withImportOption(IsolationRules.PRODUCTION_CODE)
            .importPackages(ConfiguredModules.ROOT_PACKAGE)
            .stream().<Class<?>>map(JavaClass::reflect).toList();

    @Test
    void every_module_with_a_personal_data_holder_listens_to_erasure_requests_in_its_own_transaction() {
        var holders = modulesOf(PRODUCTION.stream().filter(PersonalDataHolder.class::isAssignableFrom)
                .filter(type -> !type.isInterface()).toList());
        var listening = PRODUCTION.stream().flatMap(type -> Arrays.stream(type.getDeclaredMethods()))
                .filter(method -> method.isAnnotationPresent(ModuleListener.class))
                .filter(method -> List.of(method.getParameterTypes()).equals(List.of(ErasureRequested.class)))
                .filter(method -> moduleOf(method.getDeclaringClass())
                        .equals(method.getAnnotation(ModuleListener.class).value()))
                .map(method -> moduleOf(method.getDeclaringClass()))
                .collect(Collectors.toSet());

        assertThat(holders).as("modules with a PersonalDataHolder").isNotEmpty()
                .containsExactlyInAnyOrderElementsOf(listening);
    }

    private static Set<String> modulesOf(List<Class<?>> types) {
        return types.stream().map(ErasureParticipationTests::moduleOf).collect(Collectors.toSet());
    }

    private static String moduleOf(Class<?> type) {
        var name = type.getName().substring(ConfiguredModules.ROOT_PACKAGE.length() + 1);
        return name.substring(0, name.indexOf('.'));
    }
}
