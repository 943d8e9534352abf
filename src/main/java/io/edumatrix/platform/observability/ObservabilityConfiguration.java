package io.edumatrix.platform.observability;

import io.edumatrix.platform.OwnClasses;
import io.edumatrix.platform.data.ModuleBeans;
import io.edumatrix.platform.data.ModuleDataAccess;
import io.edumatrix.platform.data.ModuleDatabase;
import io.edumatrix.platform.data.ModuleDatabases;
import io.edumatrix.platform.events.ModuleListener;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.List;
import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.Advisor;
import org.springframework.aop.Pointcut;
import org.springframework.aop.support.ComposablePointcut;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.http.server.observation.ServerRequestObservationConvention;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The meters of the platform's per-module machinery, the security events, and the scrape on the management port. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ManagementProperties.class)
class ObservabilityConfiguration {

    /** Inside Modulith's completion advice (HIGHEST_PRECEDENCE + 10), outside the platform's retries (+ 20). */
    private static final int DELIVERY_ORDER = Ordered.HIGHEST_PRECEDENCE + 15;

    /** Inside the retries, outside the tenancy advice (+ 30) and the listener's transaction. */
    private static final int ATTEMPT_ORDER = Ordered.HIGHEST_PRECEDENCE + 25;

    /** The name the data platform gives its per-module health contributor. */
    private static final String DATABASE_HEALTH = "db";

    private static final Pointcut MODULE_LISTENERS = new ComposablePointcut(OwnClasses.FILTER)
            .intersection(new AnnotationMatchingPointcut(null, ModuleListener.class, true).getMethodMatcher());

    @Bean
    static ModuleDataMeters moduleDataMeters(ObjectProvider<MeterRegistry> registry) {
        return new ModuleDataMeters(registry);
    }

    /** Hikari tags its meters with the pool; the pool is named after the module, which every meter names alike. */
    @Bean
    MeterFilter poolModuleTag() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                var pool = id.getName().startsWith("hikaricp.") ? id.getTag("pool") : null;
                return pool == null ? id : id.withTag(Tag.of("module", pool));
            }
        };
    }

    /** A meter filter and a binder at once: Boot applies it as both. */
    @Bean
    PrometheusLint prometheusLint() {
        return new PrometheusLint();
    }

    @Bean
    ScrapeServer scrapeServer(ObjectProvider<PrometheusMeterRegistry> registry, ManagementProperties properties) {
        return new ScrapeServer(registry, properties);
    }

    /** After every module's data access exists: each outbox's gauges read through the module's own connection. */
    @Bean
    SmartInitializingSingleton outboxMeters(ModuleDatabases modules, BeanFactory beans, MeterRegistry registry,
            ManagementProperties properties) {
        return () -> modules.all().forEach(module -> new OutboxMeters(module.module(),
                beans.getBean(ModuleBeans.jdbcOperations(module.module()), NamedParameterJdbcTemplate.class),
                properties.databaseReadingsRefresh(), Clock.systemUTC(), registry));
    }

    @Bean
    SmartInitializingSingleton schemaChangeMeters(ModuleDatabases modules, BeanFactory beans, MeterRegistry registry,
            ManagementProperties properties) {
        return () -> modules.all().forEach(module -> new SchemaChangeMeter(
                beans.getBean(ModuleBeans.dataAccess(module.module()), ModuleDataAccess.class),
                properties.databaseReadingsRefresh(), Clock.systemUTC(), registry));
    }

    /** Each module's entry under the health endpoint's {@code db}, which the data platform declares per pool. */
    @Bean
    SmartInitializingSingleton moduleHealthMeters(ModuleDatabases modules,
            ObjectProvider<HealthContributorRegistry> health, MeterRegistry registry, ManagementProperties properties) {
        return () -> health.ifAvailable(contributors -> {
            if (contributors.getContributor(DATABASE_HEALTH) instanceof CompositeHealthContributor pools) {
                modules.all().forEach(module -> {
                    if (pools.getContributor(module.module()) instanceof HealthIndicator indicator) {
                        new ModuleHealthMeter(module.module(), indicator, properties.databaseReadingsRefresh(),
                                Clock.systemUTC(), registry);
                    }
                });
            }
        });
    }

    @Bean
    ListenerMeters listenerMeters(MeterRegistry registry, ModuleDatabases modules) {
        return new ListenerMeters(registry, names(modules));
    }

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor listenerDeliveryMeterAdvisor(ObjectProvider<ListenerMeters> meters) {
        return listenerAdvisor(DELIVERY_ORDER, invocation -> meters.getObject().delivery().invoke(invocation));
    }

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor listenerAttemptMeterAdvisor() {
        return listenerAdvisor(ATTEMPT_ORDER, ListenerMeters.attempt());
    }

    @Bean
    ServerRequestObservationConvention moduleRequestConvention(ModuleDatabases modules) {
        return new ModuleRequestConvention(names(modules));
    }

    @Bean
    SecurityEvents securityEvents(MeterRegistry registry, JsonMapper json, ModuleDatabases modules) {
        return new SecurityEvents(registry, new SecurityLog(json), names(modules));
    }

    @Bean
    RequestOutcomes requestOutcomes(MeterRegistry registry, ModuleDatabases modules, SecurityEvents security) {
        return new RequestOutcomes(registry, names(modules), security);
    }

    private static Advisor listenerAdvisor(int order, MethodInterceptor interceptor) {
        var advisor = new DefaultPointcutAdvisor(MODULE_LISTENERS, interceptor);
        advisor.setOrder(order);
        return advisor;
    }

    private static List<String> names(ModuleDatabases modules) {
        return modules.all().stream().map(ModuleDatabase::module).toList();
    }
}
