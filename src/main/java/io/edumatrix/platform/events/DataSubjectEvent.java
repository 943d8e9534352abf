package io.edumatrix.platform.events;

import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/**
 * An event about one person: its {@link ModuleListener}s run with that person bound as the data subject (no
 * institution), so the listener's transaction reaches the person's rows in every institution and nobody else's
 * ({@link io.edumatrix.platform.tenancy.TenantContext#asDataSubject}, ADR 0015).
 */
@NamedInterface("events")
public interface DataSubjectEvent extends DomainEvent {

    /** The account the event is about. */
    UUID dataSubject();
}
