package io.edumatrix.platform.events;

import io.edumatrix.platform.data.ModuleBeans;
import io.edumatrix.platform.data.ModuleDataAccess;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers an event to a listener the platform makes for a module, rather than a {@link ModuleListener} method the
 * module writes, exactly as it delivers to one: on the listener executor, retried with backoff, with the event's tenant
 * or data subject bound, in a new transaction of the module's own manager, recorded in the module's inbox (a redelivery
 * does nothing), and with its publication marked completed, or failed once the retries are used up. An event that
 * would write a person erased from the module is skipped and completed ({@link ErasedSubjectRefusal}). Spring Modulith
 * stored that publication when the event was published, under the listener's id.
 */
public final class ModuleDelivery {

    private static final Logger log = LoggerFactory.getLogger(ModuleDelivery.class);

    private final Executor executor;
    private final Supplier<EventPublicationRegistry> registry;
    private final RetryTemplate retries;
    private final BeanFactory beans;
    private final java.util.List<BrokeredListeners.Target> brokeredTargets =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    ModuleDelivery(Executor executor, Supplier<EventPublicationRegistry> registry, EventProperties.Retry retry,
            BeanFactory beans) {
        this.executor = executor;
        this.registry = registry;
        this.retries = ListenerInterceptors.retryTemplate(retry);
        this.beans = beans;
    }

    /**
     * Registers a listener the platform makes (not a {@link ModuleListener} method) to receive, too, the events that
     * arrive from other processes (ADR 0036).
     */
    public <E extends DomainEvent> void alsoFromOtherProcesses(String module, String listenerId, Class<E> type,
            java.util.function.Consumer<E> work) {
        brokeredTargets.add(new BrokeredListeners.Target(module, listenerId, type, event -> work.accept(type.cast(event))));
    }

    java.util.List<BrokeredListeners.Target> brokeredTargets() {
        return java.util.List.copyOf(brokeredTargets);
    }

    /** Called once the publishing transaction committed, or when Spring Modulith resubmits the publication. */
    public void deliver(String module, String listenerId, DomainEvent event, Runnable work) {
        executor.execute(() -> run(module, listenerId, event, work));
    }

    /**
     * Delivers an event that arrived from another process (ADR 0036) to a listener of this one, on the calling thread
     * and once: with the event's tenant bound, in a new transaction of the module's own manager, recorded in its inbox
     * (a redelivered record does nothing). No publication exists here to mark; a failure is thrown to the caller, whose
     * consumer retries the record and then parks it.
     */
    public void deliverNow(String module, String listenerId, DomainEvent event, Runnable work) {
        ListenerInterceptors.contextOf(event).run(() -> {
            inOwnTransaction(module, listenerId, event, work);
            return null;
        });
    }

    private void run(String module, String listenerId, DomainEvent event, Runnable work) {
        var target = PublicationTargetIdentifier.of(listenerId);
        registry.get().markProcessing(event, target);
        try {
            retries.execute(() -> ListenerInterceptors.contextOf(event).run(() -> {
                inOwnTransaction(module, listenerId, event, work);
                return null;
            }));
            registry.get().markCompleted(event, target);
        } catch (RetryException e) {
            log.warn("Listener {} failed {} time(s); its publication is left failed for resubmission", listenerId,
                    e.getRetryCount() + 1, e.getLastException());
            registry.get().markFailed(event, target);
        }
    }

    private void inOwnTransaction(String module, String listenerId, DomainEvent event, Runnable work) {
        var dataAccess = beans.getBean(ModuleBeans.dataAccess(module), ModuleDataAccess.class);
        var transaction = new TransactionTemplate(dataAccess.transactionManager());
        transaction.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
        try {
            transaction.executeWithoutResult(status -> {
                if (new Inbox(dataAccess).firstDelivery(event.eventId(), listenerId)) {
                    work.run();
                } else {
                    log.info("Skipping event {} already processed by {}", event.eventId(), listenerId);
                }
            });
        } catch (RuntimeException e) {
            if (!ErasedSubjectRefusal.isCauseOf(e)) {
                throw e;
            }
            log.info("Skipping event {} for {}: it concerns an account erased from module {}", event.eventId(),
                    listenerId, module);
        }
    }
}
