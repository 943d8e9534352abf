package io.edumatrix.platform.observability;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application over HTTP with metrics exported (Boot 4 exports none in tests without
 * {@code @AutoConfigureMetrics}), so the scrape port is open, on a database and roles of its own
 * ({@link ObservedDatabase}). The courses pool holds ten connections; three instances, so the connection budget
 * (11 modules, 32 connections, times 3) still fits a stock PostgreSQL. The outbox gauges read afresh at every scrape.
 * Every test class carrying only this annotation shares one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "edumatrix.database.module.courses.maximum-pool-size=10", "edumatrix.database.instances=3",
        "edumatrix.management.database-readings-refresh=0s"})
@AutoConfigureMetrics
@AutoConfigureRestTestClient
@ContextConfiguration(initializers = ObservedDatabase.class)
@interface ObservedApplication {
}
