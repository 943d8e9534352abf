package io.edumatrix.platform.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The rules that keep the test tiers honest, checked over the test classes only, so that a helper a test calls counts
 * as what it does (a helper opening a database makes its caller a database test) while the application's own classes
 * stay free to use: {@code ./mvnw test} runs the unit tier alone, and a unit test that needed Spring or PostgreSQL
 * would fail there, or worse, pass slowly.
 */
final class TestTiers {

    private static final List<Class<?>> TIERS = List.of(UnitTest.class, IntegrationTest.class, ProcessTest.class);

    private static final Set<String> TEST_METHOD_ANNOTATIONS = Set.of("org.junit.jupiter.api.Test",
            "org.junit.jupiter.api.RepeatedTest", "org.junit.jupiter.api.TestFactory",
            "org.junit.jupiter.api.TestTemplate", "org.junit.jupiter.params.ParameterizedTest",
            "net.jqwik.api.Property", "net.jqwik.api.Example");

    /** What a Spring test context is started by: @SpringBootTest, @ApplicationModuleTest and the project's own. */
    private static final List<String> SPRING_TEST_CONTEXT = List.of("org.springframework.test.context.BootstrapWith",
            "org.springframework.test.context.ContextConfiguration");

    /** What opens a database connection, builds an application context or starts a process. */
    private static final List<String> DATABASE_OR_PROCESS = List.of("java.sql.Connection", "java.sql.DriverManager",
            "javax.sql.DataSource", "org.springframework.boot.SpringApplication",
            "org.springframework.context.ApplicationContext", "org.springframework.context.ConfigurableApplicationContext",
            "org.testcontainers.", "io.zonky.", "java.lang.ProcessBuilder", "io.edumatrix.platform.testing.TestDatabase",
            "io.edumatrix.platform.testing.ApplicationProcess");

    private TestTiers() {}

    static ArchRule everyTestClassHasOneTier() {
        return classes().that(declareTests()).and().areNotInterfaces().and(notAbstract())
                .should(haveExactlyOneTier())
                .because("./mvnw test runs the unit tier and ./mvnw verify the others: a test class belongs to one");
    }

    static ArchRule unitTestsStartNoSpringContextAndReachNoDatabaseOrProcess() {
        return noClasses().that(inTheUnitTier())
                .should().beMetaAnnotatedWith(SPRING_TEST_CONTEXT.get(0))
                .orShould().beMetaAnnotatedWith(SPRING_TEST_CONTEXT.get(1))
                .orShould(reachADatabaseOrAProcessThroughTestCode())
                .because("the unit tier is plain JUnit over the application's classes: no Spring context, no"
                        + " database, no process; it runs in seconds with nothing installed");
    }

    private static DescribedPredicate<JavaClass> declareTests() {
        return DescribedPredicate.describe("declare tests", type -> type.getMethods().stream()
                .anyMatch(method -> method.getAnnotations().stream()
                        .anyMatch(annotation -> TEST_METHOD_ANNOTATIONS.contains(annotation.getRawType().getName()))));
    }

    private static DescribedPredicate<JavaClass> notAbstract() {
        return DescribedPredicate.describe("are not abstract",
                type -> !type.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.ABSTRACT));
    }

    private static DescribedPredicate<JavaClass> inTheUnitTier() {
        return DescribedPredicate.describe("are in the unit tier (@UnitTest, or nested in such a class)",
                type -> tiersOf(type).anyMatch(UnitTest.class::equals));
    }

    /**
     * Looks for a call, a construction or a field access on one of those, in the class and in the test code it depends
     * on (its helpers, theirs), so that the application's classes a unit test exercises, the libraries they use, and a
     * mere mention (an ArchUnit rule naming DataSource.class) never count against it.
     */
    private static ArchCondition<JavaClass> reachADatabaseOrAProcessThroughTestCode() {
        return new ArchCondition<>("reach a database connection, a Spring application or a process") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                var seen = new HashSet<String>(Set.of(type.getName()));
                var path = new ArrayDeque<List<String>>(List.of(List.of(type.getName())));
                var queue = new ArrayDeque<JavaClass>(List.of(type));
                while (!queue.isEmpty()) {
                    var current = queue.poll();
                    var via = path.poll();
                    var used = current.getAccessesFromSelf().stream()
                            .map(access -> access.getTargetOwner().getName()).filter(TestTiers::forbidden).findFirst();
                    if (used.isPresent()) {
                        events.add(SimpleConditionEvent.satisfied(type, type.getName() + " reaches " + used.get()
                                + " via " + String.join(" -> ", via)));
                        return;
                    }
                    for (var dependency : current.getDirectDependenciesFromSelf()) {
                        var target = dependency.getTargetClass();
                        var name = target.getName();
                        if (isTestCode(target) && seen.add(name)) {
                            queue.add(target);
                            var next = new ArrayList<>(via);
                            next.add(name);
                            path.add(next);
                        }
                    }
                }
            }
        };
    }

    private static boolean forbidden(String className) {
        return DATABASE_OR_PROCESS.stream()
                .anyMatch(name -> name.endsWith(".") ? className.startsWith(name) : className.equals(name));
    }

    private static boolean isTestCode(JavaClass type) {
        return type.getSource().map(source -> source.getUri().toString().contains("/test-classes/")).orElse(false);
    }

    private static ArchCondition<JavaClass> haveExactlyOneTier() {
        return new ArchCondition<>("have exactly one of @UnitTest, @IntegrationTest, @ProcessTest") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                var tiers = tiersOf(type).distinct().map(Class::getSimpleName).toList();
                events.add(new SimpleConditionEvent(type, tiers.size() == 1,
                        type.getName() + " has " + (tiers.isEmpty() ? "no tier" : "the tiers " + tiers)));
            }
        };
    }

    /** The tiers of a class: its own annotations (direct or meta), then those of the classes it is nested in. */
    private static Stream<Class<?>> tiersOf(JavaClass type) {
        var own = TIERS.stream().filter(tier -> type.isMetaAnnotatedWith(tier.getName()));
        return type.getEnclosingClass().map(outer -> Stream.concat(own, tiersOf(outer))).orElse(own);
    }
}
