package io.edumatrix.identity.internal.oidc;

import io.edumatrix.platform.security.Authenticated;
import io.edumatrix.platform.security.Callers;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in account's links to identity providers: listing and unlinking them. */
@RestController
@RequestMapping("/api/accounts/me/linked-identities")
class LinkedIdentityController {

    private final LinkedIdentities identities;

    LinkedIdentityController(LinkedIdentities identities) {
        this.identities = identities;
    }

    @GetMapping
    @Authenticated
    List<LinkedIdentities.Linked> list(@AuthenticationPrincipal Jwt jwt) {
        return identities.of(Callers.of(jwt).accountId());
    }

    @DeleteMapping("/{linkedIdentityId}")
    @Authenticated
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unlink(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID linkedIdentityId) {
        identities.unlink(Callers.of(jwt).accountId(), linkedIdentityId);
    }
}
