package io.edumatrix.platform.privacy;

import io.edumatrix.platform.data.ModuleBeans;
import io.edumatrix.platform.data.ModuleDataAccess;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.stereotype.Component;

/**
 * Erasures applied again to a module that went back in time (a restore of its schema, ADR 0022): every account that
 * some other module's {@code erased_subject} records but the module's own does not is erased from the module again, by
 * its holder, in a transaction of its own with the account bound as the data subject, and recorded in its
 * {@code erased_subject}, so its triggers refuse the person from then on. It needs no event and no request: the other
 * modules' records are the log (ADR 0015), and they outlive any retention of the outboxes. Idempotent, like every
 * holder's {@code erase}; no confirmation is published, since the request was confirmed when it first ran.
 */
@Component
public class ErasureReplay {

    private static final Logger log = LoggerFactory.getLogger(ErasureReplay.class);

    private final PersonalDataHolders holders;
    private final ErasedSubjects erased;
    private final BeanFactory beans;

    ErasureReplay(PersonalDataHolders holders, ErasedSubjects erased, BeanFactory beans) {
        this.holders = holders;
        this.erased = erased;
        this.beans = beans;
    }

    /** @return the accounts erased again from {@code module}; none when it holds no personal data */
    public List<UUID> replay(String module) {
        if (!holders.modules().contains(module)) {
            return List.of();
        }
        var elsewhere = new LinkedHashSet<UUID>();
        for (var other : holders.modules()) {
            if (!other.equals(module)) {
                elsewhere.addAll(erasedIn(other));
            }
        }
        elsewhere.removeAll(erasedIn(module));
        var replayed = new ArrayList<UUID>();
        for (var account : elsewhere) {
            holders.inOwnTransaction(module, account, false, holder -> {
                holder.erase(account);
                erased.remember(module, account);
                return null;
            });
            replayed.add(account);
        }
        if (!replayed.isEmpty()) {
            log.info("Erased {} accounts from module {} again, which other modules record as erased", replayed.size(),
                    module);
        }
        return List.copyOf(replayed);
    }

    private Set<UUID> erasedIn(String module) {
        return new LinkedHashSet<>(beans.getBean(ModuleBeans.dataAccess(module), ModuleDataAccess.class).jdbcOperations()
                .queryForList("SELECT account_id FROM erased_subject", Map.of(), UUID.class));
    }
}
