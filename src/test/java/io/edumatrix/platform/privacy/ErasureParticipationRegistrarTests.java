package io.edumatrix.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import io.edumatrix.architecture.ConfiguredModules;
import io.edumatrix.platform.testing.ApplicationClasses;
import io.edumatrix.platform.testing.UnitTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.mock.env.MockEnvironment;

/**
 * The platform makes one erasure participation for every configured module that declares a {@link PersonalDataHolder}
 * bean, and none for a module that declares none: an erasure waits for exactly the holders' confirmations.
 */
@UnitTest
class ErasureParticipationRegistrarTests {

    @Test
    void every_configured_module_with_a_personal_data_holder_gets_an_erasure_participation_and_no_other_module_does() {
        var beans = new DefaultListableBeanFactory();
        var holders = ApplicationClasses.production().stream()
                .filter(type -> type.isAssignableTo(PersonalDataHolder.class) && !type.isInterface())
                .map(JavaClass::reflect).toList();
        holders.forEach(type -> beans.registerBeanDefinition(type.getName(), new RootBeanDefinition(type)));
        var configured = ConfiguredModules.names();
        var withoutHolders = configured.getLast();
        beans.removeBeanDefinition(holders.stream().filter(type -> type.getName().startsWith(
                "io.edumatrix." + withoutHolders + ".")).findFirst().orElseThrow().getName());

        var registrar = new ErasureParticipationRegistrar();
        registrar.setEnvironment(new MockEnvironment().withProperty("edumatrix.modules", String.join(",", configured)));
        registrar.postProcessBeanDefinitionRegistry(beans);

        var expected = configured.stream().filter(module -> !module.equals(withoutHolders))
                .map(ErasureParticipationRegistrar::beanName).toList();
        assertThat(beans.getBeanNamesForType(ErasureParticipation.class)).containsExactlyElementsOf(expected);
        assertThat(holders).as("production holders").hasSize(configured.size());
    }
}
