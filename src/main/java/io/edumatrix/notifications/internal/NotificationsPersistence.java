package io.edumatrix.notifications.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;

/** The module's repositories, on the module's own pool and transaction manager (checked at start-up). */
@Configuration(proxyBeanMethods = false)
@EnableJdbcRepositories(jdbcAggregateOperationsRef = "notificationsJdbcAggregateTemplate",
        transactionManagerRef = "notificationsTransactionManager")
class NotificationsPersistence {}
