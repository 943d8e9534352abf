package io.edumatrix.platform.privacy;

import io.edumatrix.platform.data.ModuleNames;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Makes every listed module that declares a {@link PersonalDataHolder} bean take part in erasures: one
 * {@link ErasureParticipation} bean per such module, named {@code <module>ErasureParticipation}. The holder is the
 * declaration; a module writes no erasure listener of its own. Registered by class and arguments, so that Spring AOT
 * generates the definitions (ADR 0017).
 */
@Component
final class ErasureParticipationRegistrar implements BeanDefinitionRegistryPostProcessor, EnvironmentAware {

    private ModuleNames modules = new ModuleNames(List.of());

    @Override
    public void setEnvironment(Environment environment) {
        modules = ModuleNames.of(environment);
    }

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        for (var module : holdingModules(registry)) {
            var participation = new RootBeanDefinition(ErasureParticipation.class);
            participation.getConstructorArgumentValues().addIndexedArgumentValue(0, module);
            participation.setAutowireMode(AbstractBeanDefinition.AUTOWIRE_CONSTRUCTOR);
            registry.registerBeanDefinition(beanName(module), participation);
        }
    }

    static String beanName(String module) {
        return module + "ErasureParticipation";
    }

    /** The listed modules with a bean that implements {@link PersonalDataHolder} in their package, in list order. */
    private Set<String> holdingModules(BeanDefinitionRegistry registry) {
        var loader = registry instanceof ConfigurableListableBeanFactory factory ? factory.getBeanClassLoader()
                : getClass().getClassLoader();
        var holding = new LinkedHashSet<String>();
        for (var name : registry.getBeanDefinitionNames()) {
            ModuleNames.beanClass(registry.getBeanDefinition(name), loader)
                    .filter(PersonalDataHolder.class::isAssignableFrom)
                    .flatMap(type -> modules.moduleOf(type.getName()))
                    .ifPresent(holding::add);
        }
        return modules.all().stream().filter(holding::contains)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
