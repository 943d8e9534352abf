package io.edumatrix.platform.events;

import io.edumatrix.platform.data.ModuleDataAccess;
import io.edumatrix.platform.tenancy.TenantContext;
import io.edumatrix.platform.tenancy.TransactionAttempt;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.ProxyMethodInvocation;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;

/**
 * The two pieces of advice around a {@link ModuleListener} method. Spring Modulith's completion tracking sits outside
 * both, so a publication is marked failed only once the retries are used up, and completed only after the listener's
 * transaction committed.
 */
final class ListenerInterceptors {

    private ListenerInterceptors() {}

    static RetryTemplate retryTemplate(EventProperties.Retry settings) {
        return new RetryTemplate(RetryPolicy.builder()
                .maxRetries(settings.maxAttempts() - 1)
                .delay(settings.initialDelay())
                .multiplier(settings.multiplier())
                .maxDelay(settings.maxDelay())
                .build());
    }

    /** The event's institution as the tenant; for an event about one person, that person as the data subject instead. */
    static TenantContext contextOf(DomainEvent event) {
        var requestId = "event-" + event.eventId();
        return event instanceof DataSubjectEvent about
                ? new TenantContext(Optional.empty(), Optional.empty(), Optional.of(requestId),
                        Optional.of(about.dataSubject()))
                : TenantContext.of(event.institutionId(), null, requestId);
    }

    /**
     * Outside the listener's transaction: every attempt runs in a transaction of its own. An attempt refused because
     * the event would write a person erased from the module ends the delivery, completed ({@link ErasedSubjectRefusal}).
     */
    static final class Retry implements MethodInterceptor {

        private static final Logger log = LoggerFactory.getLogger(Retry.class);

        private final RetryTemplate retryTemplate;

        Retry(EventProperties.Retry settings) {
            this.retryTemplate = retryTemplate(settings);
        }

        @Override
        public Object invoke(MethodInvocation invocation) throws Throwable {
            var attempt = (ProxyMethodInvocation) invocation;
            try {
                // As an attempt of its own, so the request transactions' conflict retry inside does not retry again.
                return retryTemplate.execute(() -> skippedIfErased(invocation, attempt.invocableClone()));
            } catch (RetryException e) {
                log.warn("Listener {} failed {} time(s); its publication is left failed for resubmission",
                        ListenerIds.of(invocation.getMethod()), e.getRetryCount() + 1);
                throw e.getLastException();
            }
        }

        private static Object skippedIfErased(MethodInvocation invocation, MethodInvocation attempt) throws Throwable {
            try {
                return new TransactionAttempt().run(attempt::proceed);
            } catch (Throwable e) {
                if (!ErasedSubjectRefusal.isCauseOf(e)) {
                    throw e;
                }
                log.info("Skipping event {} for {}: it concerns an account erased from the module",
                        ((DomainEvent) invocation.getArguments()[0]).eventId(), ListenerIds.of(invocation.getMethod()));
                return null;
            }
        }
    }

    /** Inside the listener's transaction: records the delivery and skips one that was already processed. */
    static final class Deduplication implements MethodInterceptor {

        private static final Logger log = LoggerFactory.getLogger(Deduplication.class);

        private final Map<String, Inbox> inboxes;

        Deduplication(Map<String, ModuleDataAccess> dataAccess) {
            this.inboxes = dataAccess.entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> new Inbox(e.getValue())));
        }

        @Override
        public Object invoke(MethodInvocation invocation) throws Throwable {
            var method = invocation.getMethod();
            var listener = AnnotatedElementUtils.findMergedAnnotation(method, ModuleListener.class);
            if (listener == null || invocation.getArguments().length != 1
                    || !(invocation.getArguments()[0] instanceof DomainEvent event)) {
                throw new IllegalStateException("@ModuleListener " + method + " must take exactly one DomainEvent");
            }
            var inbox = inboxes.get(listener.value());
            var listenerId = ListenerIds.of(method);
            if (!inbox.firstDelivery(event.eventId(), listenerId)) {
                log.info("Skipping event {} already processed by {}", event.eventId(), listenerId);
                return null;
            }
            return invocation.proceed();
        }
    }

    /**
     * Outside the listener's transaction: binds the event's institution as the tenant, so the transaction the listener
     * runs in carries it to PostgreSQL like a request's does; for an event about one person, that person as the data
     * subject instead.
     */
    static final class Tenancy implements MethodInterceptor {

        @Override
        public Object invoke(MethodInvocation invocation) throws Throwable {
            if (invocation.getArguments().length != 1 || !(invocation.getArguments()[0] instanceof DomainEvent event)) {
                throw new IllegalStateException("@ModuleListener " + invocation.getMethod()
                        + " must take exactly one DomainEvent");
            }
            return contextOf(event).run(invocation::proceed);
        }
    }
}
