package io.edumatrix.platform.privacy;

import io.edumatrix.platform.events.ModuleDelivery;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.transaction.event.TransactionalApplicationListenerAdapter;

/**
 * One module's part in every erasure, which the platform makes for each module with a {@link PersonalDataHolder}
 * ({@link ErasureParticipationRegistrar}): after the transaction that published {@link ErasureRequested} committed, the
 * module erases the person and confirms it in a transaction of its own ({@link PersonalDataErasure}), delivered as a
 * {@code @ModuleListener} method is. One class serves every module, so the listener id, which the outbox and the inbox
 * key on, names the module: {@code <module>.erasure}.
 */
final class ErasureParticipation extends TransactionalApplicationListenerAdapter<PayloadApplicationEvent<ErasureRequested>> {

    ErasureParticipation(String module, PersonalDataErasure erasure, ModuleDelivery delivery) {
        super(event -> delivery.deliver(module, listenerId(module), event.getPayload(),
                () -> erasure.eraseAndConfirm(module, event.getPayload())));
        setListenerId(listenerId(module));
        delivery.alsoFromOtherProcesses(module, listenerId(module), ErasureRequested.class,
                requested -> erasure.eraseAndConfirm(module, requested));
    }

    static String listenerId(String module) {
        return module + ".erasure";
    }
}
