package io.edumatrix.platform.privacy;

import io.edumatrix.platform.Ids;
import io.edumatrix.platform.Times;
import io.edumatrix.platform.events.DataSubjectEvent;
import io.edumatrix.platform.events.SharedEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * A person's erasure was requested: every module that holds personal data erases the account's data in a transaction
 * of its own and answers with {@link ErasureConfirmed}. Declared by the platform because every module reads it;
 * published by the module that records requests ({@code module}, identity), into its outbox. No institution: its
 * listeners run with the account bound as the data subject.
 */
public record ErasureRequested(UUID eventId, Instant occurredAt, int version, UUID institutionId, UUID requestId,
        UUID accountId, String module) implements SharedEvent, DataSubjectEvent {

    public static final int VERSION = 1;

    public static ErasureRequested of(UUID requestId, UUID accountId, String publishingModule) {
        return new ErasureRequested(Ids.next(), Times.now(), VERSION, null, requestId, accountId, publishingModule);
    }

    @Override
    public String publishingModule() {
        return module;
    }

    @Override
    public UUID dataSubject() {
        return accountId;
    }
}
