package io.edumatrix.identity.internal.verification;

import io.edumatrix.platform.security.Anonymous;
import io.edumatrix.platform.security.Authenticated;
import io.edumatrix.platform.security.Callers;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Email verification, password reset and the signed-in account's own password and email changes. */
@RestController
class AccountMailController {

    private final EmailVerification verification;
    private final PasswordReset reset;
    private final CredentialChanges changes;
    private final ResetRequestsPerSource perSource;

    AccountMailController(EmailVerification verification, PasswordReset reset, CredentialChanges changes,
            ResetRequestsPerSource perSource) {
        this.perSource = perSource;
        this.verification = verification;
        this.reset = reset;
        this.changes = changes;
    }

    /** Token values are 43 characters; the size only bounds what is hashed. */
    record TokenBody(@NotBlank @Size(max = 200) String token) {}

    record ResetRequest(@NotBlank @Size(max = 254) String email) {}

    /** The password's length is counted in code points by {@code Passwords}; the sizes here only bound the body. */
    record ResetConfirmation(@NotBlank @Size(max = 200) String token, @NotNull @Size(max = 1024) String newPassword) {}

    record PasswordChange(@NotNull @Size(max = 1024) String currentPassword,
            @NotNull @Size(max = 1024) String newPassword) {}

    record EmailChange(@NotBlank @Email @Size(max = 254) String email, @NotNull @Size(max = 1024) String currentPassword) {}

    @PostMapping("/api/accounts/email-verification")
    @Anonymous
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void verify(@Valid @RequestBody TokenBody request) {
        verification.verify(request.token());
    }

    @PostMapping("/api/accounts/me/email-verification")
    @Authenticated
    @ResponseStatus(HttpStatus.ACCEPTED)
    void resend(@AuthenticationPrincipal Jwt jwt) {
        verification.resend(Callers.of(jwt).accountId());
    }

    @PutMapping("/api/accounts/me/email")
    @Authenticated
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changeEmail(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody EmailChange request) {
        changes.changeEmail(Callers.of(jwt).accountId(), request.currentPassword(), request.email());
    }

    @PostMapping("/api/accounts/me/password")
    @Authenticated
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changePassword(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody PasswordChange request) {
        changes.changePassword(Callers.of(jwt).accountId(), request.currentPassword(), request.newPassword());
    }

    @PostMapping("/api/password-resets")
    @Anonymous
    @ResponseStatus(HttpStatus.ACCEPTED)
    void requestReset(@Valid @RequestBody ResetRequest request, HttpServletRequest http) {
        perSource.admit(http.getRemoteAddr());
        reset.request(request.email());
    }

    @PostMapping("/api/password-resets/confirmation")
    @Anonymous
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void confirmReset(@Valid @RequestBody ResetConfirmation request) {
        changes.completeReset(request.token(), request.newPassword());
    }
}
