package io.edumatrix.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import io.edumatrix.platform.events.ModuleListener;
import io.edumatrix.platform.privacy.ErasureRequested;
import io.edumatrix.platform.privacy.PersonalDataHolder;
import io.edumatrix.platform.testing.ApplicationClasses;
import io.edumatrix.platform.testing.UnitTest;
import org.junit.jupiter.api.Test;

/**
 * ADR 0015 and 0019: a module that holds personal data takes part in every erasure, and the platform makes that part
 * from the module's {@code PersonalDataHolder} (which {@code ErasureParticipationRegistrarTests} and
 * {@code DeclaredModuleTests} prove). A listener a module wrote itself would erase and confirm a second time, under
 * another listener id.
 */
@UnitTest
class ErasureParticipationTests {

    @Test
    void no_module_listens_to_erasure_requests_itself_since_the_platform_takes_part_for_every_holder() {
        noMethods().that().areAnnotatedWith(ModuleListener.class)
                .should().haveRawParameterTypes(ErasureRequested.class)
                .because("the platform makes each holder's erasure participation (ADR 0019)")
                .check(ApplicationClasses.production());
    }
}
