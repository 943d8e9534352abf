package io.edumatrix.courses.startupfixture;

import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;

/** A courses repository on the institutions module's aggregate template, and so on its pool. */
@EnableJdbcRepositories(basePackageClasses = StrayRepository.class,
        jdbcAggregateOperationsRef = "institutionsJdbcAggregateTemplate",
        transactionManagerRef = "coursesTransactionManager")
public class RepositoriesOnInstitutionsTemplate {}
