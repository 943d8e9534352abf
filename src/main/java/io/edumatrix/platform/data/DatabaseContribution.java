package io.edumatrix.platform.data;

import java.util.List;
import java.util.Optional;
import org.springframework.core.io.support.SpringFactoriesLoader;

/**
 * What another part of the platform (tenancy, privacy, audit) adds to each module's database: statements after the
 * module's provisioning, a repeatable migration in the module's own history, and statements only a superuser may run
 * once per database. The data platform runs them without knowing who contributes: contributions are listed in
 * {@code META-INF/spring.factories}, because provisioning runs before any bean exists and the provisioning script
 * starts no application at all.
 */
public interface DatabaseContribution {

    /** Run as the admin after the module's schema and roles are provisioned; idempotent. */
    default List<String> provisioning(ModuleDatabase module) {
        return List.of();
    }

    /** The repeatable migration this adds to the module's history, run as its owner; empty when it declares nothing. */
    default Optional<Repeatable> repeatableMigration(ModuleDatabase module, ClassLoader loader) {
        return Optional.empty();
    }

    /** Statements only a superuser may run, once for the whole database; idempotent. */
    default List<String> superuserStatements() {
        return List.of();
    }

    /**
     * A repeatable migration: Flyway runs it again whenever its statements change, and orders repeatable migrations by
     * description.
     */
    record Repeatable(String description, List<String> statements) {}

    static List<DatabaseContribution> all(ClassLoader loader) {
        return SpringFactoriesLoader.forDefaultResourceLocation(loader).load(DatabaseContribution.class);
    }
}
