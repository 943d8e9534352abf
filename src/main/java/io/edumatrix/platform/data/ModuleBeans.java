package io.edumatrix.platform.data;

/**
 * Names of the beans the platform registers for each module. Module code needs them in one place only: the
 * {@code @EnableJdbcRepositories} of its persistence configuration. Every per-module bean also carries the module's
 * name as its qualifier, so {@code @Transactional("courses")} picks the courses transaction manager.
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
}
