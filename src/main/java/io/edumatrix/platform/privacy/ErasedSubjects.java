package io.edumatrix.platform.privacy;

import io.edumatrix.platform.data.ModuleBeans;
import io.edumatrix.platform.data.ModuleDataAccess;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.stereotype.Component;

/**
 * A module's {@code erased_subject} table ({@code db/platform/V5__create_erased_subject.sql}): the accounts erased from
 * it, which its data-subject triggers refuse to see named again.
 */
@Component
class ErasedSubjects {

    private final BeanFactory beans;

    ErasedSubjects(BeanFactory beans) {
        this.beans = beans;
    }

    /** In the erasure's transaction, so the account is refused exactly when its erasure committed. Idempotent. */
    void remember(String module, UUID accountId) {
        beans.getBean(ModuleBeans.dataAccess(module), ModuleDataAccess.class).jdbcOperations().update(
                "INSERT INTO erased_subject (account_id, erased_at) VALUES (:account, now()) ON CONFLICT DO NOTHING",
                Map.of("account", accountId));
    }
}
