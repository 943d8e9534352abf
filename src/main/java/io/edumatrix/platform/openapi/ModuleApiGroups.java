package io.edumatrix.platform.openapi;

import io.edumatrix.platform.data.ModuleNames;
import java.util.List;
import org.springdoc.core.models.GroupedOpenApi;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * One springdoc group per listed module (its package's controllers). Declared by factory method, not instance
 * supplier, so that Spring AOT can generate the definitions (ADR 0017). The platform's group is an ordinary bean
 * ({@link OpenApiConfiguration}): springdoc serves groups only when one is known while auto-configuration is decided,
 * which is before this registrar runs.
 */
final class ModuleApiGroups implements BeanDefinitionRegistryPostProcessor, EnvironmentAware {

    static final String PLATFORM = "platform";

    private List<String> modules = List.of();

    @Override
    public void setEnvironment(Environment environment) {
        modules = ModuleNames.of(environment).all();
    }

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        for (var group : modules) {
            var definition = new RootBeanDefinition(ModuleApiGroups.class);
            definition.setTargetType(GroupedOpenApi.class);
            definition.setFactoryMethodName("group");
            definition.getConstructorArgumentValues().addIndexedArgumentValue(0, group);
            registry.registerBeanDefinition(group + "ApiGroup", definition);
        }
    }

    static GroupedOpenApi group(String name) {
        return GroupedOpenApi.builder().group(name).packagesToScan("io.edumatrix." + name).build();
    }
}
