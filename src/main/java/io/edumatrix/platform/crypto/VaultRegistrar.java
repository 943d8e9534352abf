package io.edumatrix.platform.crypto;

import io.edumatrix.platform.data.ModuleBeans;
import io.edumatrix.platform.data.ModuleNames;
import io.edumatrix.platform.privacy.PersonalDataVault;
import java.util.List;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Registers each module's {@link PersonalDataVault}, qualified with the module's name and not a default candidate,
 * like the module's transaction manager: a module asks for {@code @Qualifier("<module>") PersonalDataVault}.
 */
final class VaultRegistrar implements BeanDefinitionRegistryPostProcessor, EnvironmentAware {

    private List<String> modules = List.of();

    static String beanName(String module) {
        return module + "PersonalDataVault";
    }

    @Override
    public void setEnvironment(Environment environment) {
        modules = ModuleNames.of(environment).all();
    }

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        for (var module : modules) {
            var definition = ModuleBeans.qualified(module);
            definition.setTargetType(PersonalDataVault.class);
            definition.setFactoryBeanName(CryptoConfiguration.MODULE_VAULTS);
            definition.setFactoryMethodName("vault");
            definition.getConstructorArgumentValues().addIndexedArgumentValue(0, module);
            registry.registerBeanDefinition(beanName(module), definition);
        }
    }
}
