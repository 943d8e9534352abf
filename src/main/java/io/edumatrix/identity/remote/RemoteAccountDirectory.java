package io.edumatrix.identity.remote;

import io.edumatrix.institutions.AccountDirectory;
import io.edumatrix.platform.remote.RemoteModuleClients;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * {@link AccountDirectory} while the identity module runs in another process: its internal binding, version 1, over
 * HTTP. Scanned only when {@code edumatrix.remote.identity.url} is set and identity is not local (ADR 0035).
 */
@Component
class RemoteAccountDirectory implements AccountDirectory {

    /** Version 1 of the identity module's internal binding of the account directory. */
    @HttpExchange("/internal/v1/identity/accounts")
    interface AccountsBinding {

        record AccountId(UUID accountId) {}

        record DisplayName(String displayName) {}

        record Email(String email) {}

        @PostExchange("/lookup")
        AccountId byEmail(@RequestBody Map<String, String> lookup);

        @GetExchange("/{accountId}/display-name")
        DisplayName displayName(@PathVariable UUID accountId);

        @GetExchange("/{accountId}/verified-email")
        Email verifiedEmail(@PathVariable UUID accountId);
    }

    private final AccountsBinding binding;

    RemoteAccountDirectory(RemoteModuleClients clients) {
        this.binding = clients.client("identity", AccountsBinding.class);
    }

    @Override
    public Optional<UUID> findAccountIdByEmail(String email) {
        return RemoteModuleClients.absentIfNotFound(() -> binding.byEmail(Map.of("email", email)).accountId());
    }

    @Override
    public Optional<String> displayNameOf(UUID accountId) {
        return RemoteModuleClients.absentIfNotFound(() -> binding.displayName(accountId).displayName());
    }

    @Override
    public Optional<String> verifiedEmailOf(UUID accountId) {
        return RemoteModuleClients.absentIfNotFound(() -> binding.verifiedEmail(accountId).email());
    }
}
