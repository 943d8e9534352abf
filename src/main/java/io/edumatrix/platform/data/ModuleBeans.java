package io.edumatrix.platform.data;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.AutowireCandidateQualifier;
import org.springframework.beans.factory.support.RootBeanDefinition;

/**
 * Names of the beans the platform registers for each module; module code names none of them (its repositories are
 * bound by {@link ModuleRepositories}). Every per-module bean also carries the module's name as its qualifier, so
 * {@code @Transactional("courses")} picks the courses transaction manager; the platform's registrars start each such
 * definition with {@link #qualified}.
 */
public final class ModuleBeans {

    private ModuleBeans() {}

    public static String dataAccess(String module) {
        return module + "DataAccess";
    }

    public static String dataSource(String module) {
        return module + "DataSource";
    }

    public static String jdbcOperations(String module) {
        return module + "JdbcOperations";
    }

    public static String aggregateTemplate(String module) {
        return module + "JdbcAggregateTemplate";
    }

    public static String transactionManager(String module) {
        return module + "TransactionManager";
    }

    /**
     * The start of a per-module bean's definition: qualified with the module's name, not a default candidate,
     * infrastructure. The caller declares how it is made by class or factory bean and factory method, never by an
     * instance supplier, so that Spring AOT can generate the definition as code (ADR 0017).
     */
    public static RootBeanDefinition qualified(String module) {
        var definition = new RootBeanDefinition();
        definition.setDefaultCandidate(false);
        definition.addQualifier(new AutowireCandidateQualifier(Qualifier.class, module));
        definition.setRole(AbstractBeanDefinition.ROLE_INFRASTRUCTURE);
        return definition;
    }
}
