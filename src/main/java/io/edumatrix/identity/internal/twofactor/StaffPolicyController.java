package io.edumatrix.identity.internal.twofactor;

import io.edumatrix.platform.security.Callers;
import io.edumatrix.platform.security.InstitutionAdmin;
import io.edumatrix.platform.security.InstitutionScope;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** An institution's admins require (or stop requiring) two-factor authentication of its staff. */
@RestController
@RequestMapping("/api/institutions/{institutionId}/staff-two-factor")
class StaffPolicyController {

    private final StaffTwoFactorPolicy policy;

    StaffPolicyController(StaffTwoFactorPolicy policy) {
        this.policy = policy;
    }

    record Requirement(@NotNull Boolean required) {}

    @GetMapping
    @InstitutionAdmin
    Requirement read(@PathVariable UUID institutionId) {
        return InstitutionScope.within(institutionId, () -> new Requirement(policy.required(institutionId)));
    }

    @PutMapping
    @InstitutionAdmin
    Requirement set(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID institutionId,
            @Valid @RequestBody Requirement request) {
        return InstitutionScope.within(institutionId, () -> {
            policy.require(institutionId, request.required(), Callers.of(jwt).accountId());
            return request;
        });
    }
}
