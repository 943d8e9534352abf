package io.edumatrix.identity.internal.erasure;

import io.edumatrix.identity.internal.Views.ErasureStatus;
import io.edumatrix.identity.internal.Views.Export;
import io.edumatrix.identity.internal.Views.ModuleStatus;
import io.edumatrix.identity.internal.accounts.AccountService;
import io.edumatrix.platform.Times;
import io.edumatrix.platform.domain.DomainException;
import io.edumatrix.platform.privacy.PersonalDataExport;
import io.edumatrix.platform.security.Authenticated;
import io.edumatrix.platform.security.Caller;
import io.edumatrix.platform.security.Callers;
import io.edumatrix.platform.security.PlatformAdmin;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A person's GDPR rights: an export of everything every module holds about them, and erasure (ADR 0015). Each for the
 * caller's own account, or for any account by a platform administrator.
 */
@RestController
class PersonalDataController {

    private final AccountService accounts;
    private final PersonalDataExport export;
    private final ErasureRequests erasures;
    private final ErasedAccounts erasedAccounts;

    PersonalDataController(AccountService accounts, PersonalDataExport export, ErasureRequests erasures,
            ErasedAccounts erasedAccounts) {
        this.accounts = accounts;
        this.export = export;
        this.erasures = erasures;
        this.erasedAccounts = erasedAccounts;
    }

    @GetMapping("/api/accounts/me/export")
    @Authenticated
    Export exportMine(@AuthenticationPrincipal Jwt jwt) {
        return exportOf(Callers.of(jwt).accountId());
    }

    @GetMapping("/api/accounts/{accountId}/export")
    @PlatformAdmin
    Export exportAccount(@PathVariable UUID accountId) {
        return exportOf(accountId);
    }

    @PostMapping("/api/accounts/me/erasure")
    @Authenticated
    ResponseEntity<ErasureStatus> eraseMine(@AuthenticationPrincipal Jwt jwt) {
        var caller = Callers.of(jwt);
        return accepted(erasures.request(caller.accountId(), caller.accountId()));
    }

    @PostMapping("/api/accounts/{accountId}/erasure")
    @PlatformAdmin
    ResponseEntity<ErasureStatus> eraseAccount(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID accountId) {
        return accepted(erasures.request(accountId, Callers.of(jwt).accountId()));
    }

    /** For the person who asked, the person being erased and platform administrators; anyone else is told it is not found. */
    @GetMapping("/api/erasures/{requestId}")
    @Authenticated
    ErasureStatus erasure(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID requestId) {
        var caller = Callers.of(jwt);
        return erasures.find(requestId).filter(progress -> mayRead(caller, progress)).map(PersonalDataController::status)
                .orElseThrow(() -> DomainException.notFound("Erasure request", requestId));
    }

    private Export exportOf(UUID accountId) {
        accounts.get(accountId);
        return new Export(accountId, Times.now(), export.export(accountId));
    }

    private static boolean mayRead(Caller caller, ErasureRequests.Progress progress) {
        return caller.platformAdmin() || caller.accountId().equals(progress.requestedBy())
                || caller.accountId().equals(progress.accountId());
    }

    /** The account's access tokens are refused from now on, on this instance at once. */
    private ResponseEntity<ErasureStatus> accepted(ErasureRequests.Progress progress) {
        erasedAccounts.add(progress.accountId());
        return ResponseEntity.accepted().location(URI.create("/api/erasures/" + progress.id()))
                .body(status(progress));
    }

    private static ErasureStatus status(ErasureRequests.Progress progress) {
        return new ErasureStatus(progress.id(), progress.accountId(), progress.status().name(), progress.requestedAt(),
                progress.completedAt(), progress.steps().stream()
                        .map(step -> new ModuleStatus(step.module(), step.confirmedAt())).toList());
    }
}
