package io.edumatrix.identity.internal.accounts;

import static io.edumatrix.identity.internal.IdentityFixtures.PASSWORD;
import static io.edumatrix.identity.internal.IdentityFixtures.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edumatrix.identity.internal.IdentityProblems;
import io.edumatrix.identity.internal.sessions.Login;
import io.edumatrix.institutions.AccountDirectory;
import io.edumatrix.platform.domain.DomainException;
import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.web.HttpApplicationTest;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** Signing up, the email's uniqueness, the directory the institutions module reads, and hash upgrades at login. */
@HttpApplicationTest
@IntegrationTest
class AccountTests {

    @Autowired
    private AccountRegistration registration;
    @Autowired
    private AccountService accounts;
    @Autowired
    private Login login;

    @Test
    void an_email_taken_in_any_letter_case_is_refused_as_email_taken() {
        var email = uniqueEmail();
        registration.register(email, "First", PASSWORD);

        assertThatThrownBy(() -> registration.register("  " + email.toUpperCase(), "Second", PASSWORD))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.type()).isEqualTo(IdentityProblems.EMAIL_TAKEN));
    }

    @Test
    void the_stored_hash_is_argon2id_and_never_the_password() {
        var account = registration.register(uniqueEmail(), "Hashed", PASSWORD);

        assertThat(accounts.get(account.id()).passwordHash()).startsWith("{argon2}$argon2id$").doesNotContain(PASSWORD);
    }

    @Test
    void the_account_directory_finds_an_account_by_email_in_any_letter_case() {
        var account = registration.register(uniqueEmail(), "Listed", PASSWORD);

        AccountDirectory directory = accounts;

        assertThat(directory.findAccountIdByEmail(account.email().toUpperCase())).contains(account.id());
        assertThat(directory.findAccountIdByEmail(uniqueEmail())).isEmpty();
    }

    @Test
    void a_login_with_an_outdated_hash_stores_an_argon2id_hash_of_the_same_password() {
        var legacy = "{bcrypt}" + new BCryptPasswordEncoder().encode(PASSWORD);
        var account = accounts.create(uniqueEmail(), "Imported", legacy, false, false);

        login.login(account.email(), PASSWORD, Optional.empty());

        var upgraded = accounts.get(account.id()).passwordHash();
        assertThat(upgraded).startsWith("{argon2}$argon2id$");
        assertThat(login.login(account.email(), PASSWORD, Optional.empty()).accessToken()).isNotBlank();
    }
}
