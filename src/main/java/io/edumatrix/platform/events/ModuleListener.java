package io.edumatrix.platform.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.core.annotation.AliasFor;
import org.springframework.modulith.NamedInterface;
import org.springframework.scheduling.annotation.Async;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Marks a method that reacts to another module's {@link DomainEvent}: after the publishing transaction commits, on
 * another thread, in a new transaction of the listening module (named by {@link #value()}). The platform retries a
 * failing listener with backoff and records each (event, listener) in the module's inbox in the same transaction, so a
 * redelivered event does nothing. Spring Modulith's {@code @ApplicationModuleListener} cannot name a transaction
 * manager, which a module with a pool of its own needs. Listeners run on a bounded executor of their own: a delivery
 * waits in its queue, never in the publishing thread, which at that moment still holds its module's connection.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Async(EventsConfiguration.LISTENER_EXECUTOR)
@Transactional(propagation = Propagation.REQUIRES_NEW)
@TransactionalEventListener
@NamedInterface("events")
public @interface ModuleListener {

    /** The listening module, which is also the qualifier of its transaction manager. */
    @AliasFor(annotation = Transactional.class, attribute = "transactionManager")
    String value();

    /**
     * A stable listener id for the outbox and the inbox; defaults to the method's qualified name, so renaming a method
     * without setting this orphans its pending publications.
     */
    @AliasFor(annotation = TransactionalEventListener.class, attribute = "id")
    String id() default "";
}
