package io.edumatrix.platform.data;

import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.core.annotation.MergedAnnotation.Adapt;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.StandardAnnotationMetadata;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;
import org.springframework.data.jdbc.repository.config.JdbcRepositoryConfigExtension;
import org.springframework.data.repository.config.AnnotationRepositoryConfigurationSource;
import org.springframework.data.repository.config.RepositoryConfigurationDelegate;
import org.springframework.data.util.Streamable;

/**
 * A module's Spring Data JDBC repositories, registered exactly as an {@code @EnableJdbcRepositories} on a class of the
 * module would register them, by Spring Data's own delegate and JDBC extension: every repository interface in the
 * module's package and its sub-packages, on the module's own aggregate template and transaction manager. Only the
 * annotation is not written by the module; the platform declares it from the module list.
 *
 * <p>A repository a module configures itself keeps its own definition (only a test of misbound code does that), and
 * the transaction guard checks it as before.
 */
final class ModuleRepositories {

    private ModuleRepositories() {}

    static void register(String module, Environment environment, ResourceLoader resources,
            BeanDefinitionRegistry registry) {
        var source = new AnnotationRepositoryConfigurationSource(new Declaration(module), EnableJdbcRepositories.class,
                resources, environment, registry, AnnotationBeanNameGenerator.INSTANCE) {

            @Override
            public Streamable<BeanDefinition> getCandidates(ResourceLoader loader) {
                return super.getCandidates(loader)
                        .filter(candidate -> !registry.containsBeanDefinition(generateBeanName(candidate)));
            }
        };
        new RepositoryConfigurationDelegate(source, resources, environment)
                .registerRepositoriesIn(registry, new JdbcRepositoryConfigExtension());
    }

    /** The {@code @EnableJdbcRepositories} the module would otherwise write, seen as if it were on this class. */
    private static final class Declaration extends StandardAnnotationMetadata {

        private final MergedAnnotations annotations;

        Declaration(String module) {
            super(ModuleRepositories.class);
            this.annotations = MergedAnnotations.of(List.of(MergedAnnotation.of(EnableJdbcRepositories.class, Map.of(
                    "basePackages", new String[] {ModuleNames.basePackage(module)},
                    "jdbcAggregateOperationsRef", ModuleBeans.aggregateTemplate(module),
                    "transactionManagerRef", ModuleBeans.transactionManager(module)))));
        }

        @Override
        public MergedAnnotations getAnnotations() {
            return annotations;
        }

        /** As {@code AnnotatedTypeMetadata} reads it from {@link #getAnnotations()}, not from the class. */
        @Override
        public Map<String, Object> getAnnotationAttributes(String annotationName, boolean classValuesAsString) {
            var annotation = annotations.get(annotationName);
            return annotation.isPresent()
                    ? annotation.asAnnotationAttributes(Adapt.values(classValuesAsString, true)) : null;
        }
    }
}
