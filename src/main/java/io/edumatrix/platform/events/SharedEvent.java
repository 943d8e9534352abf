package io.edumatrix.platform.events;

import org.springframework.modulith.NamedInterface;

/**
 * A {@link DomainEvent} declared by the platform because several modules publish or read it (the GDPR erasure's
 * events, ADR 0015), so its package names no module. It names the module that publishes it instead: that module's
 * outbox holds its publication, exactly as for an event declared in the module's own package.
 */
@NamedInterface("events")
public interface SharedEvent extends DomainEvent {

    /** The module whose transaction publishes the event, as listed in {@code edumatrix.modules}. */
    String publishingModule();
}
