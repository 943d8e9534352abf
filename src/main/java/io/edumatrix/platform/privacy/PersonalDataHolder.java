package io.edumatrix.platform.privacy;

import io.edumatrix.platform.data.ModuleNames;
import java.util.Map;
import java.util.UUID;

/**
 * What a module holds about a person, for the GDPR's data portability and right to erasure. Every module that keeps
 * data about accounts implements it once, as a bean. The platform calls it in a transaction of the module's own
 * transaction manager, with the person bound as the data subject, so the module's queries see that person's rows in
 * every institution (the platform's data-subject policy) and nobody else's beyond the current tenant.
 */
public interface PersonalDataHolder {

    /** The module's name, as in its schema; the key of its part of an export. Its package says it. */
    default String module() {
        return ModuleNames.fromPackageOf(getClass());
    }

    /** Everything the module holds about the account, as JSON-serialisable values (records, maps, lists). */
    Map<String, Object> export(UUID accountId);

    /**
     * Deletes or anonymises everything the module holds about the account, and forgets their data key. Idempotent: it
     * runs again after a crash part-way.
     */
    void erase(UUID accountId);
}
