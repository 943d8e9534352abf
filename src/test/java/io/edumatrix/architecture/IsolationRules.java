package io.edumatrix.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.sql.DriverManager;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.data.relational.core.mapping.Table;
import org.springframework.data.repository.Repository;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * The persistence-aware isolation rules, for any root package whose sub-packages {@code <root>.<module>} are modules
 * with their published API in the module's root package, and {@code <root>.platform} is the shared machinery. The
 * module name is also the name of the module's schema.
 */
final class IsolationRules {

    /** Main classes only, whatever the build directory is called (ArchUnit's own option knows only target/). */
    static final ImportOption PRODUCTION_CODE = location -> !location.contains("/test-classes/");

    private static final String SPRING_DATA = "org.springframework.data.";

    private final String root;
    private final List<String> modules;

    IsolationRules(String rootPackage, List<String> modules) {
        this.root = rootPackage;
        this.modules = List.copyOf(modules);
    }

    ArchRule noModuleUsesAnotherModulesInternalsRepositoriesOrEntities() {
        return classes().that(belongToAModule())
                .should(new ArchCondition<>("use another module only through the types of its API package") {
                    @Override
                    public void check(JavaClass source, ConditionEvents events) {
                        var own = moduleOf(source).orElseThrow();
                        for (var dependency : source.getDirectDependenciesFromSelf()) {
                            var target = dependency.getTargetClass().getBaseComponentType();
                            moduleOf(target).filter(other -> !other.equals(own))
                                    .flatMap(other -> misuse(target, other))
                                    .ifPresent(misuse -> events.add(SimpleConditionEvent.violated(dependency,
                                            dependency.getDescription() + ": " + misuse)));
                        }
                    }
                })
                .as("no module uses another module's internals, repositories or entities")
                .because("a module's repositories, entities and internals are its own; others use its API or events");
    }

    ArchRule aModulesTableMappingsAndAnnotatedSqlNameOnlyItsOwnSchema() {
        return classes().that(belongToAModule())
                .should(new ArchCondition<>("name only their own module's schema in Spring Data annotations") {
                    @Override
                    public void check(JavaClass source, ConditionEvents events) {
                        var own = moduleOf(source).orElseThrow();
                        var others = modules.stream().filter(m -> !m.equals(own)).toList();
                        springDataAnnotations(source).forEach(annotation -> annotation.getProperties().forEach(
                                (property, value) -> strings(value).forEach(text -> checkSchemaNames(
                                        annotation, property, text, own, others, events))));
                    }
                })
                .as("a module's table mappings and annotated SQL name only its own schema")
                .because("each module's tables live in its own schema, and its SQL reaches no other");
    }

    ArchRule onlyThePlatformTouchesDataSourcesAndJdbcTemplates() {
        return noClasses().that().resideInAPackage(root + "..").and().resideOutsideOfPackage(platform())
                .should().dependOnClassesThat(assignableTo(DataSource.class)
                        .or(assignableTo(JdbcOperations.class))
                        .or(assignableTo(NamedParameterJdbcOperations.class))
                        .or(assignableTo(JdbcClient.class))
                        .or(assignableTo(DataSourceUtils.class))
                        .or(assignableTo(DriverManager.class)))
                .as("only the platform touches data sources and JDBC templates")
                .because("a module reaches its database only through the repositories the platform binds to its own pool");
    }

    ArchRule thePlatformDependsOnNoModule() {
        return noClasses().that().resideInAPackage(platform())
                .should().dependOnClassesThat(belongToAModule())
                .as("the platform depends on no module")
                .because("the platform serves every module and so can know none of them");
    }

    MigrationScriptRule migrationScriptsNameNoOtherModulesSchema(String migrationRoot) {
        return new MigrationScriptRule(migrationRoot, modules);
    }

    private DescribedPredicate<JavaClass> belongToAModule() {
        return DescribedPredicate.describe("belong to one of the modules " + modules + " under " + root,
                type -> moduleOf(type).isPresent());
    }

    private Optional<String> moduleOf(JavaClass type) {
        return modules.stream().filter(m -> type.getPackageName().equals(root + "." + m)
                || type.getPackageName().startsWith(root + "." + m + ".")).findFirst();
    }

    private Optional<String> misuse(JavaClass target, String module) {
        if (target.isAssignableTo(Repository.class)) {
            return Optional.of("a repository of module " + module);
        }
        if (target.isAnnotatedWith(Table.class)) {
            return Optional.of("an entity of module " + module);
        }
        if (!target.getPackageName().equals(root + "." + module)) {
            return Optional.of("an internal type of module " + module + ", outside its API package " + root + "." + module);
        }
        return Optional.empty();
    }

    private static void checkSchemaNames(JavaAnnotation<?> annotation, String property, String text, String own,
            List<String> others, ConditionEvents events) {
        var where = annotation.getOwner().getDescription() + " @" + annotation.getRawType().getSimpleName() + "(" + property + ")";
        if (property.equals("schema") && !text.isEmpty() && !text.equals(own)) {
            events.add(SimpleConditionEvent.violated(annotation, where + " maps to schema " + text + ", not " + own));
        }
        SchemaReferences.find(text, others).forEach(reference -> events.add(
                SimpleConditionEvent.violated(annotation, where + " " + reference)));
    }

    private static Stream<JavaAnnotation<?>> springDataAnnotations(JavaClass type) {
        Stream<JavaAnnotation<?>> onClass = type.getAnnotations().stream().map(a -> a);
        Stream<JavaAnnotation<?>> onFields = type.getFields().stream().flatMap(f -> f.getAnnotations().stream());
        Stream<JavaAnnotation<?>> onCode = type.getCodeUnits().stream().flatMap(code -> Stream.concat(
                code.getAnnotations().stream(), code.getParameterAnnotations().stream().flatMap(java.util.Set::stream)));
        return Stream.of(onClass, onFields, onCode).flatMap(s -> s)
                .filter(a -> a.getRawType().getName().startsWith(SPRING_DATA));
    }

    private static Stream<String> strings(Object value) {
        return switch (value) {
            case String text -> Stream.of(text);
            case Object[] values -> Stream.of(values).flatMap(IsolationRules::strings);
            case JavaAnnotation<?> nested -> nested.getProperties().values().stream().flatMap(IsolationRules::strings);
            default -> Stream.empty();
        };
    }

    private String platform() {
        return root + ".platform..";
    }
}
