package io.edumatrix.identity.internal.accounts;

import static io.edumatrix.identity.internal.IdentityFixtures.PASSWORD;
import static io.edumatrix.identity.internal.IdentityFixtures.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.identity.internal.sessions.Login;
import io.edumatrix.platform.data.ApplicationLaunch;
import io.edumatrix.platform.testing.IntegrationTest;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The first platform administrator comes from the configuration, once, and never overwrites an account. */
@IntegrationTest
class BootstrapAdminTests {

    @Test
    void the_configured_administrator_is_created_once_and_a_second_start_leaves_it_unchanged() {
        var email = uniqueEmail();
        String firstHash;
        try (var context = launch(email, PASSWORD).start()) {
            var account = context.getBean(AccountService.class).findByEmail(email).orElseThrow();
            assertThat(account.platformAdmin()).isTrue();
            firstHash = account.passwordHash();
            var jwt = context.getBean(org.springframework.security.oauth2.jwt.JwtDecoder.class).decode(
                    context.getBean(Login.class).login(email, PASSWORD, Optional.empty()).accessToken());
            assertThat(jwt.getClaimAsStringList("roles")).contains("PLATFORM_ADMIN");
        }

        try (var context = launch(email.toUpperCase(), "another password entirely").start()) {
            var account = context.getBean(AccountService.class).findByEmail(email).orElseThrow();
            assertThat(account.passwordHash()).isEqualTo(firstHash);
        }
    }

    @Test
    void an_existing_account_with_the_email_is_not_made_an_administrator_nor_given_the_password() {
        var email = uniqueEmail();
        try (var context = ApplicationLaunch.onTestDatabase().start()) {
            context.getBean(AccountRegistration.class).register(email, "Ordinary", PASSWORD);
        }

        try (var context = launch(email, "the bootstrap password").start()) {
            var account = context.getBean(AccountService.class).findByEmail(email).orElseThrow();
            assertThat(account.platformAdmin()).isFalse();
            assertThat(account.displayName()).isEqualTo("Ordinary");
        }
    }

    @Test
    void only_one_of_email_and_password_set_stops_start_up_naming_the_missing_setting() {
        var refusal = ApplicationLaunch.onTestDatabase().with("edumatrix.bootstrap.admin.email", uniqueEmail())
                .with("edumatrix.bootstrap.admin.password", "").refusal();

        assertThat(refusal.getMessage()).isEqualTo("Setting edumatrix.bootstrap.admin.password"
                + " (EDUMATRIX_BOOTSTRAP_ADMIN_PASSWORD) is missing while edumatrix.bootstrap.admin.email is set");
        assertThat(ApplicationLaunch.onTestDatabase().with("edumatrix.bootstrap.admin.password", PASSWORD)
                .with("edumatrix.bootstrap.admin.email", "").refusal()
                .getMessage()).startsWith("Setting edumatrix.bootstrap.admin.email (EDUMATRIX_BOOTSTRAP_ADMIN_EMAIL) is missing");
    }

    @Test
    void a_password_breaking_the_rules_stops_start_up_in_one_line() {
        var refusal = launch(uniqueEmail(), "short").refusal();

        assertThat(refusal.getMessage()).startsWith("Setting edumatrix.bootstrap.admin.password is rejected: ")
                .doesNotContain("\n", "short");
    }

    @Test
    void a_missing_or_malformed_key_wrapping_key_stops_start_up_naming_the_setting() {
        assertThat(ApplicationLaunch.onTestDatabase().with("edumatrix.security.key-wrapping-key", "").refusal()
                .getMessage()).isEqualTo("Setting edumatrix.security.key-wrapping-key is missing");
        assertThat(ApplicationLaunch.onTestDatabase().with("edumatrix.security.key-wrapping-key", "c2hvcnQ=").refusal()
                .getMessage()).isEqualTo("Setting edumatrix.security.key-wrapping-key decodes to 5 bytes instead of 32");
    }

    private static ApplicationLaunch launch(String email, String password) {
        return ApplicationLaunch.onTestDatabase()
                .with("edumatrix.bootstrap.admin.email", email)
                .with("edumatrix.bootstrap.admin.password", password);
    }
}
