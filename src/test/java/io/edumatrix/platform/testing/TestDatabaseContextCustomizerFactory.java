package io.edumatrix.platform.testing;

import java.util.List;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.support.TestPropertySourceUtils;

/** Points every Spring test context at the run's {@link TestDatabase}; registered in META-INF/spring.factories. */
class TestDatabaseContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> attributes) {
        return new TestDatabaseCustomizer();
    }

    /** Equal to every other instance, so it does not split Spring's context cache. */
    private record TestDatabaseCustomizer() implements ContextCustomizer {

        @Override
        public void customizeContext(org.springframework.context.ConfigurableApplicationContext context,
                org.springframework.test.context.MergedContextConfiguration configuration) {
            var sources = context.getEnvironment().getPropertySources();
            var testDatabase = new MapPropertySource("testDatabase", TestDatabase.get().applicationProperties());
            // Above the environment, so a developer's DB_NAME never points tests at real data; below a test's own properties.
            if (sources.contains(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME)) {
                sources.addAfter(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME, testDatabase);
            } else {
                sources.addFirst(testDatabase);
            }
        }
    }
}
