package io.edumatrix.platform.privacy;

import io.edumatrix.platform.domain.DomainException;
import io.edumatrix.platform.security.InternalCaller;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A module's part of a person's data export for the process that runs identity, when the module runs here and identity
 * there (ADR 0035): version 1 of every holder module's internal binding, answering only service tokens. The part is
 * read as in-process ({@link PersonalDataExport}), in the module's own read-only transaction with the person bound as
 * the data subject. The caller has already decided that whoever asked may see it (the person, or a platform admin).
 */
@RestController
class PersonalDataBinding {

    private final PersonalDataHolders holders;

    PersonalDataBinding(PersonalDataHolders holders) {
        this.holders = holders;
    }

    @GetMapping("/internal/v1/{module}/personal-data/{accountId}")
    @InternalCaller
    Map<String, Object> export(@PathVariable String module, @PathVariable UUID accountId) {
        if (!holders.modules().contains(module)) {
            throw DomainException.notFound("Module holding personal data here", module);
        }
        return holders.inOwnTransaction(module, accountId, true, holder -> holder.export(accountId));
    }
}
