package io.edumatrix.platform.privacy;

import io.edumatrix.platform.Ids;
import io.edumatrix.platform.Times;
import io.edumatrix.platform.events.SharedEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * One module has erased everything it held about the person of an erasure request, in the transaction that publishes
 * this; {@code module} is that module, whose outbox holds the publication. No institution: an erasure spans them all.
 */
public record ErasureConfirmed(UUID eventId, Instant occurredAt, int version, UUID institutionId, UUID requestId,
        String module) implements SharedEvent {

    public static final int VERSION = 1;

    public static ErasureConfirmed of(UUID requestId, String module) {
        return new ErasureConfirmed(Ids.next(), Times.now(), VERSION, null, requestId, module);
    }

    @Override
    public String publishingModule() {
        return module;
    }
}
