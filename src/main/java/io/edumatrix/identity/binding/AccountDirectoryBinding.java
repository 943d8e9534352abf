package io.edumatrix.identity.binding;

import io.edumatrix.institutions.AccountDirectory;
import io.edumatrix.platform.domain.DomainException;
import io.edumatrix.platform.security.InternalCaller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@link AccountDirectory} (declared by institutions, implemented here) for modules in other processes (ADR 0035):
 * version 1 of its internal binding, answering only service tokens. The email travels in a body, never in a URL that
 * access logs keep. None is a 404, which the client turns back into an empty answer.
 */
@RestController
@RequestMapping("/internal/v1/identity/accounts")
class AccountDirectoryBinding {

    private final AccountDirectory accounts;

    AccountDirectoryBinding(AccountDirectory accounts) {
        this.accounts = accounts;
    }

    record EmailLookup(@NotBlank @Size(max = 320) String email) {}

    record AccountId(UUID accountId) {}

    record DisplayName(String displayName) {}

    record Email(String email) {}

    @PostMapping("/lookup")
    @InternalCaller
    AccountId byEmail(@Valid @RequestBody EmailLookup lookup) {
        return accounts.findAccountIdByEmail(lookup.email()).map(AccountId::new)
                .orElseThrow(() -> DomainException.notFound("Account with email", "given"));
    }

    @GetMapping("/{accountId}/display-name")
    @InternalCaller
    DisplayName displayName(@PathVariable UUID accountId) {
        return accounts.displayNameOf(accountId).map(DisplayName::new)
                .orElseThrow(() -> DomainException.notFound("Account", accountId));
    }

    /** For mails another process sends (notifications): the verified address only, in the answer's body. */
    @GetMapping("/{accountId}/verified-email")
    @InternalCaller
    Email verifiedEmail(@PathVariable UUID accountId) {
        return accounts.verifiedEmailOf(accountId).map(Email::new)
                .orElseThrow(() -> DomainException.notFound("Account", accountId));
    }
}
