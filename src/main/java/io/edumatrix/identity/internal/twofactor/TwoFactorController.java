package io.edumatrix.identity.internal.twofactor;

import io.edumatrix.platform.security.Authenticated;
import io.edumatrix.platform.security.Callers;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Turning TOTP on, and off, for the signed-in account. */
@RestController
@RequestMapping("/api/accounts/me/totp")
class TwoFactorController {

    private final TwoFactor twoFactor;
    private final TwoFactorRemoval removal;

    TwoFactorController(TwoFactor twoFactor, TwoFactorRemoval removal) {
        this.twoFactor = twoFactor;
        this.removal = removal;
    }

    record Code(@NotBlank @Size(max = 20) String code) {}

    record RecoveryCodes(List<String> recoveryCodes) {}

    /** Proof for turning it off: a current code (or a recovery code), or the account's password; one of them. */
    record Removal(@Size(max = 100) String code, @Size(max = 1024) String currentPassword) {

        @AssertTrue(message = "give either code or currentPassword")
        boolean isEitherCodeOrPassword() {
            return (code == null || code.isBlank()) != (currentPassword == null);
        }
    }

    @PostMapping
    @Authenticated
    TwoFactor.Enrollment begin(@AuthenticationPrincipal Jwt jwt) {
        return twoFactor.begin(Callers.of(jwt).accountId());
    }

    @PostMapping("/confirmation")
    @Authenticated
    RecoveryCodes confirm(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody Code request) {
        return new RecoveryCodes(twoFactor.confirm(Callers.of(jwt).accountId(), request.code()));
    }

    @DeleteMapping
    @Authenticated
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void turnOff(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody Removal request) {
        if (request.currentPassword() != null) {
            removal.withPassword(Callers.of(jwt).accountId(), request.currentPassword());
        } else {
            removal.withCode(Callers.of(jwt).accountId(), request.code());
        }
    }
}
