package io.edumatrix.platform.privacy;

import io.edumatrix.platform.remote.RemoteModuleClients;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.service.annotation.GetExchange;

/**
 * A person's data from every module that holds any, for the GDPR's data portability. Synchronous: each module's holder
 * here runs in a read-only transaction of its own module, with the person bound as the data subject, and each holder
 * module in another process (ADR 0035) is asked for its part over its internal binding ({@link PersonalDataBinding}).
 * A transaction never spans two modules, so the parts are read one after another, not as one snapshot (ADR 0015). A
 * module that cannot be reached fails the whole export with 503 and Retry-After: an export without it would be wrong.
 */
@Component
public class PersonalDataExport {

    /** Version 1 of a holder module's internal binding of its export. */
    interface RemotePersonalData {

        @GetExchange("/internal/v1/{module}/personal-data/{accountId}")
        Map<String, Object> export(@PathVariable String module, @PathVariable UUID accountId);
    }

    private final PersonalDataHolders holders;
    private final ObjectProvider<RemoteModuleClients> clients;
    private final Map<String, RemotePersonalData> remote = new java.util.concurrent.ConcurrentHashMap<>();

    PersonalDataExport(PersonalDataHolders holders, ObjectProvider<RemoteModuleClients> clients) {
        this.holders = holders;
        this.clients = clients;
    }

    /** Each module's part, keyed by module name: this process's in the order of {@code edumatrix.modules}, then the others'. */
    public Map<String, Map<String, Object>> export(UUID accountId) {
        var parts = new LinkedHashMap<String, Map<String, Object>>();
        for (var module : holders.modules()) {
            parts.put(module, holders.inOwnTransaction(module, accountId, true, holder -> holder.export(accountId)));
        }
        for (var module : holders.awaitedModules()) {
            if (!parts.containsKey(module)) {
                parts.put(module, remote.computeIfAbsent(module,
                        m -> clients.getObject().client(m, RemotePersonalData.class)).export(module, accountId));
            }
        }
        return parts;
    }
}
