package io.edumatrix.platform.events;

import io.edumatrix.platform.OwnClasses;
import io.edumatrix.platform.data.ModuleBeans;
import io.edumatrix.platform.data.ModuleDataAccess;
import io.edumatrix.platform.data.ModuleDatabases;
import io.edumatrix.platform.data.ModuleStartupException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.Advisor;
import org.springframework.aop.Pointcut;
import org.springframework.aop.support.ComposablePointcut;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.modulith.events.support.CompletionMode;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.function.SingletonSupplier;
import tools.jackson.databind.json.JsonMapper;

/**
 * Events between modules: the per-module outbox behind Spring Modulith's registry, the default transaction manager it
 * needs, and the advice around {@link ModuleListener}s. The order of the advice, outermost first: {@code @Async},
 * Modulith's completion tracking, {@link ListenerInterceptors.Retry}, {@link ListenerInterceptors.Tenancy}, the
 * module's transaction, {@link ListenerInterceptors.Deduplication}.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
@EnableScheduling
@EnableConfigurationProperties(EventProperties.class)
class EventsConfiguration {

    static final String LISTENER_EXECUTOR = "moduleListenerExecutor";

    /** Inside Modulith's completion advice (at HIGHEST_PRECEDENCE + 10), outside the transaction. */
    private static final int RETRY_ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

    /** Inside the retries, outside the transaction, which reads the tenant when it begins. */
    private static final int TENANCY_ORDER = Ordered.HIGHEST_PRECEDENCE + 30;

    @Bean
    static ModuleListenerGuard moduleListenerGuard() {
        return new ModuleListenerGuard();
    }

    @Bean
    PlatformTransactionManager transactionManager() {
        return new SynchronizationOnlyTransactionManager();
    }

    @Bean
    TransactionTemplate transactionTemplate(PlatformTransactionManager transactionManager) {
        return new TransactionTemplate(transactionManager);
    }

    /**
     * A fixed number of platform threads with an unbounded queue. Spring's throttled executors block the submitting
     * thread when full; for a listener that thread is the publisher's, inside its transaction's after-commit phase and
     * still holding its pool connection, which the listeners themselves need to record completion.
     *
     * <p>At shutdown the executor stops taking work when the context starts closing, before any bean is destroyed, and
     * waits up to {@code shutdown-grace} for the running and queued listeners: they finish on open pools, which close
     * after. (Spring's default would interrupt them, leaving their publications to the next start.)
     */
    @Bean(LISTENER_EXECUTOR)
    ThreadPoolTaskExecutor moduleListenerExecutor(EventProperties properties) {
        var executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(properties.listenerThreads());
        executor.setMaxPoolSize(properties.listenerThreads());
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationMillis(properties.shutdownGrace().toMillis());
        executor.setThreadNamePrefix("listener-");
        executor.initialize();
        return executor;
    }

    /** Replaces Spring Modulith's Jackson serializer (which backs off for it): same JSON, the mapper looked up once. */
    @Bean
    EventSerializer eventSerializer(JsonMapper json) {
        return new EventJson(json);
    }

    @Bean
    EventPublicationRepository moduleOutbox(ModuleDatabases modules, ConfigurableListableBeanFactory beans,
            EventSerializer serializer, Environment environment) {
        var completionMode = CompletionMode.from(environment);
        if (completionMode == CompletionMode.ARCHIVE) {
            throw new ModuleStartupException("spring.modulith.events.completion-mode=ARCHIVE is not supported by the"
                    + " per-module outbox", "Use UPDATE (keep completed rows, deleted after edumatrix.events.keep-completed)"
                    + " or DELETE (remove a row when its listener completes).");
        }
        return new ModuleOutbox(dataAccess(modules, beans, "moduleOutbox").values().stream().toList(),
                access -> new OutboxTable(access, serializer, completionMode == CompletionMode.DELETE));
    }

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor moduleListenerRetryAdvisor(ObjectProvider<EventProperties> properties) {
        return listenerAdvisor(RETRY_ORDER, () -> new ListenerInterceptors.Retry(properties.getObject().retry()));
    }

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor moduleListenerTenancyAdvisor() {
        return listenerAdvisor(TENANCY_ORDER, ListenerInterceptors.Tenancy::new);
    }

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor moduleListenerDeduplicationAdvisor(ObjectProvider<ModuleDatabases> modules, BeanFactory beans) {
        return listenerAdvisor(Ordered.LOWEST_PRECEDENCE,
                () -> new ListenerInterceptors.Deduplication(dataAccess(modules.getObject(), beans)));
    }

    @Bean
    ModuleDelivery moduleDelivery(@Qualifier(LISTENER_EXECUTOR) Executor executor,
            ObjectProvider<EventPublicationRegistry> registry, EventProperties properties, BeanFactory beans) {
        return new ModuleDelivery(executor, registry::getObject, properties.retry(), beans);
    }

    @Bean
    EventPublicationsEndpoint eventPublicationsEndpoint(EventPublicationRepository outbox,
            FailedEventPublications failed) {
        return new EventPublicationsEndpoint(outbox, failed);
    }

    @Bean
    OutboxCleanup outboxCleanup(ModuleDatabases modules, ConfigurableListableBeanFactory beans,
            EventProperties properties, EventPublicationRepository outbox) {
        return new OutboxCleanup(outbox,
                dataAccess(modules, beans, "outboxCleanup").values().stream().map(Inbox::new).toList(),
                properties.keepCompleted());
    }

    /** Methods annotated {@link ModuleListener}, which only EduMatrix's classes hold. */
    private static final Pointcut MODULE_LISTENERS = new ComposablePointcut(OwnClasses.FILTER)
            .intersection(new AnnotationMatchingPointcut(null, ModuleListener.class, true).getMethodMatcher());

    /**
     * Advisors are created before ordinary beans, so the interceptor is built at the first listener call, when its
     * collaborators exist.
     */
    private static Advisor listenerAdvisor(int order, Supplier<MethodInterceptor> interceptor) {
        var lazy = SingletonSupplier.of(interceptor);
        MethodInterceptor advice = invocation -> lazy.obtain().invoke(invocation);
        var advisor = new DefaultPointcutAdvisor(MODULE_LISTENERS, advice);
        advisor.setOrder(order);
        return advisor;
    }

    static Map<String, ModuleDataAccess> dataAccess(ModuleDatabases modules, BeanFactory beans) {
        var all = new LinkedHashMap<String, ModuleDataAccess>();
        modules.all().forEach(m -> all.put(m.module(),
                beans.getBean(ModuleBeans.dataAccess(m.module()), ModuleDataAccess.class)));
        return all;
    }

    /** Also records that {@code dependent} uses the pools, so they are closed after it at shutdown. */
    private static Map<String, ModuleDataAccess> dataAccess(ModuleDatabases modules, ConfigurableListableBeanFactory beans,
            String dependent) {
        modules.all().forEach(m -> beans.registerDependentBean(ModuleBeans.dataAccess(m.module()), dependent));
        return dataAccess(modules, beans);
    }

}
