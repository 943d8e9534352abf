package io.edumatrix.platform.privacy;

import io.edumatrix.platform.tenancy.TenantContext;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * One module's part of an erasure, for the module's {@code @ModuleListener} of {@link ErasureRequested}: its holder
 * erases the person, and {@link ErasureConfirmed} is published in that same transaction, so the confirmation exists
 * exactly when the erasure committed. The listener's inbox row commits with both, so a redelivered request does
 * nothing; a crash before the commit leaves the request's publication incomplete, and it is delivered again. The same
 * transaction records the account in the module's {@code erased_subject}, after the holder's own changes, so from that
 * commit on the module's data-subject triggers refuse any row that names the person: erasure is final.
 */
@Component
class PersonalDataErasure {

    private final PersonalDataHolders holders;
    private final ErasedSubjects erased;
    private final ApplicationEventPublisher events;

    PersonalDataErasure(PersonalDataHolders holders, ErasedSubjects erased, ApplicationEventPublisher events) {
        this.holders = holders;
        this.erased = erased;
        this.events = events;
    }

    /** Call from the module's listener of {@link ErasureRequested}, inside its transaction. */
    public void eraseAndConfirm(String module, ErasureRequested request) {
        if (!holders.inTransactionOf(module)) {
            throw new IllegalStateException("The erasure of module " + module + " must run in a transaction of that"
                    + " module, the listener's own");
        }
        if (!TenantContext.current().dataSubject().equals(Optional.of(request.accountId()))
                || TenantContext.current().institutionId().isPresent()) {
            throw new IllegalStateException("The erasure of account " + request.accountId() + " in module " + module
                    + " must run with only that account bound as the data subject");
        }
        holders.holder(module).erase(request.accountId());
        erased.remember(module, request.accountId());
        events.publishEvent(ErasureConfirmed.of(request.requestId(), module));
    }
}
