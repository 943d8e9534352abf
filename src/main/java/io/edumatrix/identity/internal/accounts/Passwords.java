package io.edumatrix.identity.internal.accounts;

import io.edumatrix.identity.internal.IdentityProblems;
import io.edumatrix.platform.domain.DomainException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Password rules and hashes. New hashes are Argon2id, tagged {@code {argon2}}; the delegating encoder also reads
 * {@code {bcrypt}} hashes (imported accounts), and a login with an outdated hash stores a fresh Argon2id one.
 */
@Component
public class Passwords {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 128;
    private static final String DEFAULT_ENCODING = "argon2";

    private final PasswordEncoder encoder = new DelegatingPasswordEncoder(DEFAULT_ENCODING, Map.of(
            DEFAULT_ENCODING, Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
            "bcrypt", new BCryptPasswordEncoder()));

    /**
     * Checked against when no account has the email, so an unknown email costs the same work as a wrong password. Made
     * beside start-up rather than in its path: an Argon2 hash is about half a second of one core.
     */
    private final CompletableFuture<String> dummyHash =
            CompletableFuture.supplyAsync(() -> encoder.encode(UUID.randomUUID().toString()));

    /** Throws unless the password may be used: 12 to 128 characters (code points), and not the email itself. */
    public static void check(String password, String email) {
        var length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            throw new DomainException(IdentityProblems.PASSWORD_REJECTED,
                    "The password must have between " + MIN_LENGTH + " and " + MAX_LENGTH + " characters");
        }
        if (password.strip().equalsIgnoreCase(email.strip())) {
            throw new DomainException(IdentityProblems.PASSWORD_REJECTED, "The password must not be the email address");
        }
    }

    public String hash(String password) {
        return encoder.encode(password);
    }

    public boolean matches(String password, String hash) {
        return encoder.matches(password, hash);
    }

    /** Spends the same work as {@link #matches} and answers no. */
    public boolean matchesNothing(String password) {
        encoder.matches(password, dummyHash.join());
        return false;
    }

    public boolean outdated(String hash) {
        return encoder.upgradeEncoding(hash);
    }
}
