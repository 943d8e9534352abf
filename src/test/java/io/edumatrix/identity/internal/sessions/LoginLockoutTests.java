package io.edumatrix.identity.internal.sessions;

import static io.edumatrix.identity.internal.IdentityFixtures.PASSWORD;
import static io.edumatrix.identity.internal.IdentityFixtures.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.edumatrix.identity.internal.IdentityFixtures;
import io.edumatrix.identity.internal.IdentityProblems;
import io.edumatrix.identity.internal.accounts.AccountRegistration;
import io.edumatrix.identity.internal.accounts.AccountSealing;
import io.edumatrix.platform.domain.DomainException;
import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.testing.TestDatabase;
import io.edumatrix.platform.web.HttpApplicationTest;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Failed logins are recorded and lock the email; unknown emails answer and lock exactly like known ones. */
@HttpApplicationTest
@IntegrationTest
class LoginLockoutTests {

    @Autowired
    private AccountRegistration registration;
    @Autowired
    private Login login;
    @Autowired
    private AccountSealing sealing;

    @Test
    void five_failures_lock_the_account_for_fifteen_minutes_even_for_the_right_password_and_then_it_logs_in_again() {
        var email = registration.register(uniqueEmail(), "Locked", PASSWORD).email();
        for (var i = 0; i < 5; i++) {
            assertThat(failure(email, "wrong password " + i).type()).isEqualTo(IdentityProblems.INVALID_CREDENTIALS);
        }

        var locked = failure(email, PASSWORD);

        assertThat(locked.type()).isEqualTo(IdentityProblems.ACCOUNT_LOCKED);
        assertThat(locked.retryAfter()).hasValueSatisfying(wait ->
                assertThat(wait).isBetween(Duration.ofMinutes(15).minusSeconds(10), Duration.ofMinutes(15)));
        assertThat(outcomes(email)).containsExactly("BAD_CREDENTIALS", "BAD_CREDENTIALS", "BAD_CREDENTIALS",
                "BAD_CREDENTIALS", "BAD_CREDENTIALS", "LOCKED");

        IdentityFixtures.ageLockout(sealing.emailIndex(email), 15);

        assertThat(login.login(email, PASSWORD, Optional.empty()).accessToken()).isNotBlank();
        assertThat(outcomes(email)).endsWith("SUCCESS");
    }

    @Test
    void after_a_lock_ends_the_failures_before_it_no_longer_count() {
        var email = registration.register(uniqueEmail(), "Relocked", PASSWORD).email();
        for (var i = 0; i < 5; i++) {
            failure(email, "wrong password " + i);
        }
        IdentityFixtures.ageLockout(sealing.emailIndex(email), 15);

        assertThat(failure(email, "one more wrong password").type()).isEqualTo(IdentityProblems.INVALID_CREDENTIALS);
        assertThat(login.login(email, PASSWORD, Optional.empty()).accessToken()).isNotBlank();
    }

    @Test
    void an_unknown_email_gets_the_same_answer_as_a_wrong_password_and_locks_the_same_way() {
        var known = registration.register(uniqueEmail(), "Known", PASSWORD).email();
        var unknown = uniqueEmail();

        var wrongPassword = failure(known, "not the password");
        var unknownEmail = failure(unknown, "not the password");

        assertThat(unknownEmail.type()).isEqualTo(wrongPassword.type());
        assertThat(unknownEmail.getMessage()).isEqualTo(wrongPassword.getMessage());
        assertThat(unknownEmail.retryAfter()).isEqualTo(wrongPassword.retryAfter()).isEmpty();
        for (var i = 0; i < 4; i++) {
            failure(known, "not the password");
            failure(unknown, "not the password");
        }
        var knownLocked = failure(known, "not the password");
        var unknownLocked = failure(unknown, "not the password");
        assertThat(unknownLocked.type()).isEqualTo(knownLocked.type()).isEqualTo(IdentityProblems.ACCOUNT_LOCKED);
        assertThat(outcomes(unknown)).startsWith("UNKNOWN_ACCOUNT").endsWith("LOCKED");
    }

    @Test
    void a_success_clears_the_failures_counted_so_far() {
        var email = registration.register(uniqueEmail(), "Forgetful", PASSWORD).email();
        for (var i = 0; i < 4; i++) {
            failure(email, "wrong password " + i);
        }
        login.login(email, PASSWORD, Optional.empty());

        assertThat(failure(email, "wrong again").type()).isEqualTo(IdentityProblems.INVALID_CREDENTIALS);
        assertThat(login.login(email, PASSWORD, Optional.empty()).accessToken()).isNotBlank();
    }

    private DomainException failure(String email, String password) {
        return catchThrowableOfType(DomainException.class, () -> login.login(email, password, Optional.empty()));
    }

    private List<String> outcomes(String email) {
        var outcomes = new ArrayList<String>();
        try (var connection = TestDatabase.get().connectAsAdmin();
                var query = connection.prepareStatement(
                        "SELECT outcome FROM identity.login_attempt WHERE email_index = ? ORDER BY attempted_at, id")) {
            query.setBytes(1, sealing.emailIndex(email));
            try (var result = query.executeQuery()) {
                while (result.next()) {
                    outcomes.add(result.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return outcomes;
    }
}
