package io.edumatrix.platform.data;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import io.edumatrix.platform.testing.ApplicationClasses;
import io.edumatrix.platform.testing.UnitTest;
import org.junit.jupiter.api.Test;
import org.springframework.data.relational.core.mapping.event.AbstractRelationalEventListener;
import org.springframework.data.relational.core.mapping.event.RelationalEvent;

/**
 * The modules' aggregate templates publish none of Spring Data's lifecycle events (ADR 0039), so a listener for one
 * would never hear it: none may exist. Entity callbacks, which are not events, are allowed.
 */
@UnitTest
class LifecycleEventsTests {

    @Test
    void no_class_listens_for_spring_datas_lifecycle_events_which_the_module_templates_do_not_publish() {
        noClasses().should().dependOnClassesThat().areAssignableTo(RelationalEvent.class)
                .orShould().beAssignableTo(AbstractRelationalEventListener.class)
                .check(ApplicationClasses.production());
    }
}
