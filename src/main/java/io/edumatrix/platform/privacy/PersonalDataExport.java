package io.edumatrix.platform.privacy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * A person's data from every module that holds any, for the GDPR's data portability. Synchronous, in-process: each
 * module's holder runs in a read-only transaction of its own module, with the person bound as the data subject. A
 * transaction never spans two modules, so the parts are read one after another, not as one snapshot (ADR 0015).
 */
@Component
public class PersonalDataExport {

    private final PersonalDataHolders holders;

    PersonalDataExport(PersonalDataHolders holders) {
        this.holders = holders;
    }

    /** Each module's part, keyed by module name, in the order of {@code edumatrix.modules}. */
    public Map<String, Map<String, Object>> export(UUID accountId) {
        var parts = new LinkedHashMap<String, Map<String, Object>>();
        for (var module : holders.modules()) {
            parts.put(module, holders.inOwnTransaction(module, accountId, true, holder -> holder.export(accountId)));
        }
        return parts;
    }
}
