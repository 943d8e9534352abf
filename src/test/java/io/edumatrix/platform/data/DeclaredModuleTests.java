package io.edumatrix.platform.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.architecture.ConfiguredModules;
import io.edumatrix.declaredmodule.Note;
import io.edumatrix.declaredmodule.NoteHolder;
import io.edumatrix.declaredmodule.NoteRepository;
import io.edumatrix.platform.Ids;
import io.edumatrix.platform.privacy.PersonalDataExport;
import io.edumatrix.platform.privacy.PersonalDataHolders;
import io.edumatrix.platform.testing.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * ADR 0019: a module is a package, a migration folder and its name in {@code edumatrix.modules}. The fixture module
 * {@code declaredmodule} (test sources) writes no persistence configuration and no erasure listener, yet its
 * repository runs on its own pool, role and schema, and it takes part in exports and erasures.
 */
@IntegrationTest
class DeclaredModuleTests {

    private static final String MODULE = "declaredmodule";

    @Test
    void a_module_added_by_its_package_its_migrations_and_one_line_of_configuration_is_wired_by_the_platform() {
        var modules = new ArrayList<>(ConfiguredModules.names());
        modules.add(MODULE);
        // Twelve pools of two for three instances keep within a stock server's connections.
        var launch = ApplicationLaunch.onTestDatabase().with("edumatrix.modules", String.join(",", modules))
                .with("edumatrix.database.instances", 3).withBeans(NoteHolder.class);
        try (var context = launch.start()) {
            var notes = context.getBean(NoteRepository.class);
            var author = Ids.next();
            notes.save(new Note(Ids.next(), author, "written on the module's own pool", null));

            var module = context.getBean(ModuleDatabases.class).all().stream()
                    .filter(m -> m.module().equals(MODULE)).findFirst().orElseThrow();
            assertThat(notes.loginRoleAndSchema()).isEqualTo(module.appRole() + " " + MODULE);
            assertThat(notes.findByAuthorAccountId(author)).extracting(Note::text)
                    .containsExactly("written on the module's own pool");
            assertThat(context.getBeanNamesForType(NoteRepository.class)).as("one repository bean").hasSize(1);

            assertThat(context.getBean(PersonalDataHolders.class).modules()).contains(MODULE);
            assertThat(context.containsBean(MODULE + "ErasureParticipation")).as("its erasure participation").isTrue();
            var export = context.getBean(PersonalDataExport.class).export(author);
            assertThat(export.get(MODULE)).isEqualTo(Map.of("notes", List.of(notes.findByAuthorAccountId(author).getFirst())));
        }
    }
}
