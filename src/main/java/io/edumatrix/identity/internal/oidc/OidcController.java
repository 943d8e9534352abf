package io.edumatrix.identity.internal.oidc;

import io.edumatrix.identity.internal.Views.TokenPair;
import io.edumatrix.platform.security.Anonymous;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Sign-in with an OpenID Connect provider, in two calls of the client around the provider's login page. */
@RestController
@RequestMapping("/api/sessions/oidc/{registrationId}")
class OidcController {

    private final OidcSignIn signIn;

    OidcController(OidcSignIn signIn) {
        this.signIn = signIn;
    }

    record Callback(@NotBlank @Size(max = 2048) String code, @NotBlank @Size(max = 200) String state) {}

    @PostMapping
    @Anonymous
    OidcSignIn.Start start(@PathVariable @Size(max = 100) String registrationId) {
        return signIn.start(registrationId);
    }

    @PostMapping("/callback")
    @Anonymous
    TokenPair complete(@PathVariable @Size(max = 100) String registrationId, @Valid @RequestBody Callback request) {
        return signIn.complete(registrationId, request.code(), request.state());
    }
}
