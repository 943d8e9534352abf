package io.edumatrix.identity.internal.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edumatrix.identity.internal.IdentityProblems;
import io.edumatrix.platform.domain.DomainException;
import io.edumatrix.platform.testing.UnitTest;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** The password rules and hash format, without Spring or a database. */
@UnitTest
class PasswordsTests {

    private final Passwords passwords = new Passwords();

    @Test
    void a_password_of_12_to_128_characters_counted_as_code_points_is_accepted() {
        assertThatCode(() -> Passwords.check("a".repeat(12), "someone@example.org")).doesNotThrowAnyException();
        assertThatCode(() -> Passwords.check("a".repeat(128), "someone@example.org")).doesNotThrowAnyException();
        // 12 emoji are 24 UTF-16 chars but 12 characters; 65 emoji are 130 chars but 65 characters.
        assertThatCode(() -> Passwords.check("😀".repeat(12), "someone@example.org")).doesNotThrowAnyException();
        assertThatCode(() -> Passwords.check("😀".repeat(65), "someone@example.org")).doesNotThrowAnyException();
    }

    @Test
    void a_password_shorter_than_12_or_longer_than_128_characters_is_rejected() {
        assertRejected("a".repeat(11), "someone@example.org");
        assertRejected("😀".repeat(11), "someone@example.org");
        assertRejected("a".repeat(129), "someone@example.org");
    }

    @Test
    void the_email_itself_in_any_letter_case_is_rejected_as_a_password() {
        assertRejected("Someone@Example.org", "someone@example.org");
    }

    @Test
    void hashes_are_argon2id_tagged_for_the_delegating_encoder_and_salted() {
        var first = passwords.hash("correct horse battery");
        var second = passwords.hash("correct horse battery");

        assertThat(first).startsWith("{argon2}$argon2id$").isNotEqualTo(second);
        assertThat(passwords.matches("correct horse battery", first)).isTrue();
        assertThat(passwords.matches("correct horse batterY", first)).isFalse();
        assertThat(passwords.outdated(first)).isFalse();
    }

    @Test
    void a_bcrypt_hash_still_verifies_and_is_reported_outdated() {
        var legacy = "{bcrypt}" + new BCryptPasswordEncoder().encode("correct horse battery");

        assertThat(passwords.matches("correct horse battery", legacy)).isTrue();
        assertThat(passwords.outdated(legacy)).isTrue();
    }

    @Test
    void checking_against_no_account_answers_no_after_the_same_work() {
        assertThat(passwords.matchesNothing("correct horse battery")).isFalse();
    }

    private static void assertRejected(String password, String email) {
        assertThatThrownBy(() -> Passwords.check(password, email)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.type()).isEqualTo(IdentityProblems.PASSWORD_REJECTED));
    }
}
