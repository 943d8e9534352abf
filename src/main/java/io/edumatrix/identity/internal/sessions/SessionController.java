package io.edumatrix.identity.internal.sessions;

import io.edumatrix.identity.internal.Views.TokenPair;
import io.edumatrix.platform.security.Anonymous;
import io.edumatrix.platform.security.Authenticated;
import io.edumatrix.platform.security.Callers;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/sessions")
class SessionController {

    private final Login login;
    private final Sessions sessions;

    SessionController(Login login, Sessions sessions) {
        this.login = login;
        this.sessions = sessions;
    }

    record LogIn(@NotBlank @Size(max = 254) String email, @NotNull @Size(max = 1024) String password, UUID institutionId) {}

    record Refresh(@NotBlank @Size(max = 100) String refreshToken) {}

    record SwitchInstitution(@NotNull UUID institutionId) {}

    /** {@code code}: six digits of the authenticator app, or one of the recovery codes. */
    record SecondFactor(@NotBlank @Size(max = 100) String challenge, @NotBlank @Size(max = 100) String code) {}

    @PostMapping
    @Anonymous
    TokenPair logIn(@Valid @RequestBody LogIn request) {
        return login.login(request.email(), request.password(), Optional.ofNullable(request.institutionId()));
    }

    @PostMapping("/second-factor")
    @Anonymous
    TokenPair secondFactor(@Valid @RequestBody SecondFactor request) {
        return login.completeSecondFactor(request.challenge(), request.code());
    }

    @PostMapping("/refresh")
    @Anonymous
    TokenPair refresh(@Valid @RequestBody Refresh request) {
        return sessions.refresh(request.refreshToken());
    }

    @PostMapping("/institution")
    @Authenticated
    TokenPair switchInstitution(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody SwitchInstitution request) {
        return sessions.switchInstitution(Callers.of(jwt), request.institutionId());
    }

    @DeleteMapping("/current")
    @Authenticated
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void logOut(@AuthenticationPrincipal Jwt jwt) {
        sessions.end(Callers.of(jwt));
    }
}
