package io.edumatrix.identity.internal.twofactor;

import io.edumatrix.platform.security.Authenticated;
import io.edumatrix.platform.security.Callers;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Turning on TOTP for the signed-in account. */
@RestController
@RequestMapping("/api/accounts/me/totp")
class TwoFactorController {

    private final TwoFactor twoFactor;

    TwoFactorController(TwoFactor twoFactor) {
        this.twoFactor = twoFactor;
    }

    record Code(@NotBlank @Size(max = 20) String code) {}

    record RecoveryCodes(List<String> recoveryCodes) {}

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
}
