package io.edumatrix.platform.remote;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Registers the {@link ModuleScanFilter} before the component scan runs; Spring Boot's {@code TypeExcludeFilter} on
 * {@code @SpringBootApplication} consults every such bean. Listed in {@code META-INF/spring.factories}.
 */
class ModulePlacementInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String FILTER_BEAN = "edumatrixModuleScanFilter";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        var beans = context.getBeanFactory();
        if (!beans.containsSingleton(FILTER_BEAN)) {
            beans.registerSingleton(FILTER_BEAN, new ModuleScanFilter(ModulePlacement.of(context.getEnvironment())));
        }
    }
}
