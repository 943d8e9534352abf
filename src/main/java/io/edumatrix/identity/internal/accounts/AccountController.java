package io.edumatrix.identity.internal.accounts;

import io.edumatrix.identity.internal.Views.AccountView;
import io.edumatrix.identity.internal.Views.Me;
import io.edumatrix.identity.internal.Views.MembershipView;
import io.edumatrix.identity.internal.sessions.Memberships;
import io.edumatrix.platform.security.Anonymous;
import io.edumatrix.platform.security.Authenticated;
import io.edumatrix.platform.security.Callers;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/accounts")
public class AccountController {

    private final AccountRegistration registration;
    private final AccountService accounts;
    private final Memberships memberships;

    AccountController(AccountRegistration registration, AccountService accounts, Memberships memberships) {
        this.registration = registration;
        this.accounts = accounts;
        this.memberships = memberships;
    }

    /** The password's length is counted in code points by {@link Passwords}; the size here only bounds the body. */
    record SignUp(
            @NotBlank @Email @Size(max = 254) String email,
            @NotNull @Size(max = 1024) String password,
            @NotBlank @Size(max = 200) String displayName) {}

    @PostMapping
    @Anonymous
    ResponseEntity<AccountView> signUp(@Valid @RequestBody SignUp request) {
        var account = registration.register(request.email(), request.displayName(), request.password());
        return ResponseEntity.created(URI.create("/api/accounts/" + account.id()))
                .body(new AccountView(account.id(), account.email(), account.displayName()));
    }

    @GetMapping("/me")
    @Authenticated
    public Me me(@AuthenticationPrincipal Jwt jwt) {
        var account = accounts.get(Callers.of(jwt).accountId());
        var held = memberships.of(account.id()).stream()
                .map(m -> new MembershipView(m.institutionId(), m.role()))
                .toList();
        return new Me(account.id(), account.email(), account.displayName(), account.emailVerified(), held);
    }
}
