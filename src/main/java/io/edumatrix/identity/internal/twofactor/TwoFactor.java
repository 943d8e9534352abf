package io.edumatrix.identity.internal.twofactor;

import io.edumatrix.identity.internal.IdentityProblems;
import io.edumatrix.identity.internal.SecretTokens;
import io.edumatrix.identity.internal.accounts.AccountService;
import io.edumatrix.identity.internal.verification.EmailVerification;
import io.edumatrix.platform.Ids;
import io.edumatrix.platform.Times;
import io.edumatrix.platform.domain.DomainException;
import io.edumatrix.platform.domain.ProblemType;
import io.edumatrix.platform.privacy.PersonalDataVault;
import io.edumatrix.platform.privacy.SealedColumn;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.commons.codec.binary.Base32;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * TOTP as a second factor: enrollment (a sealed secret, pending until a code proves the app has it, answered with
 * single-use recovery codes), and the second step of a login (a challenge turned into a session by a code or a
 * recovery code). Wrong codes in a row lock the second factor for a while, whatever the challenge, so a known password
 * does not buy unlimited guesses.
 */
@Service
@Transactional("identity")
@EnableConfigurationProperties(TwoFactorProperties.class)
public class TwoFactor {

    static final SealedColumn SECRET = SealedColumn.of("totp_credential", "secret");
    static final SealedColumn RECOVERY_CODE = SealedColumn.of("totp_recovery_code", "code_hash");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What an authenticator app needs: the secret, and the URI a QR code carries. */
    public record Enrollment(String secret, String otpauthUri) {}

    /** A challenge passed: who logs in, and to which institution they asked (null: none). */
    public record Passed(UUID accountId, UUID institutionId) {}

    private final TwoFactorRepository credentials;
    private final SecondFactorChallengeRepository challenges;
    private final AccountService accounts;
    private final PersonalDataVault vault;
    private final TwoFactorProperties properties;
    private final StaffTwoFactorPolicyRepository policies;

    TwoFactor(TwoFactorRepository credentials, SecondFactorChallengeRepository challenges, AccountService accounts,
            @Qualifier("identity") PersonalDataVault vault, TwoFactorProperties properties,
            StaffTwoFactorPolicyRepository policies) {
        this.policies = policies;
        this.credentials = credentials;
        this.challenges = challenges;
        this.accounts = accounts;
        this.vault = vault;
        this.properties = properties;
    }

    /** A new pending secret; one pending before is replaced. Only for a verified email: it is the way back in. */
    Enrollment begin(UUID accountId) {
        var account = accounts.get(accountId);
        EmailVerification.requireVerified(account, "turn on two-factor authentication");
        if (credentials.find(accountId).filter(TotpCredential::confirmed).isPresent()) {
            throw alreadyEnabled();
        }
        var secret = Totp.newSecret();
        credentials.savePending(accountId, vault.seal(accountId, SECRET, accountId, secret), Times.now());
        var label = enc(properties.issuer()) + ":" + enc(account.email());
        return new Enrollment(secret, "otpauth://totp/" + label + "?secret=" + secret + "&issuer="
                + enc(properties.issuer()) + "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.STEP_SECONDS);
    }

    /** Turns the pending secret on with a code of it; the recovery codes, shown this once. */
    List<String> confirm(UUID accountId, String code) {
        var credential = credentials.findForUpdate(accountId)
                .orElseThrow(() -> new DomainException(IdentityProblems.TOTP_NOT_PENDING,
                        "Begin with POST /api/accounts/me/totp"));
        if (credential.confirmed()) {
            throw alreadyEnabled();
        }
        var step = Totp.matchingStep(secretOf(credential), code, Times.now(), null)
                .orElseThrow(() -> new DomainException(IdentityProblems.INVALID_CODE,
                        "The code does not match; check the time of the device"));
        credentials.confirm(accountId, step, Times.now());
        credentials.deleteRecoveryCodes(accountId);
        var codes = new ArrayList<String>();
        for (int i = 0; i < properties.recoveryCodes(); i++) {
            var value = newRecoveryCode();
            credentials.insertRecoveryCode(Ids.next(), accountId, recoveryIndex(value));
            codes.add(value);
        }
        return codes;
    }

    @Transactional(value = "identity", readOnly = true)
    public boolean enabled(UUID accountId) {
        return credentials.find(accountId).filter(TotpCredential::confirmed).isPresent();
    }

    /** A challenge for the second step of a login; its value, to hand to the client. */
    public String challenge(UUID accountId, UUID institutionId) {
        var value = SecretTokens.generate();
        var now = Times.now();
        challenges.insert(Ids.next(), accountId, SecretTokens.hash(value), institutionId, now,
                now.plus(properties.challengeTtl()));
        return value;
    }

    /**
     * Checks a TOTP code (six digits) or a recovery code for the challenge and uses both once. The failures it counts
     * commit though the caller gets the refusal.
     */
    @Transactional(value = "identity", noRollbackFor = DomainException.class)
    public Passed pass(String challenge, String code) {
        var now = Times.now();
        var found = challenges.findLive(SecretTokens.hash(challenge), now).orElseThrow(() -> new DomainException(
                IdentityProblems.INVALID_CHALLENGE,
                "The challenge is unknown, has expired or has been used; log in again"));
        var credential = credentials.findForUpdate(found.accountId()).filter(TotpCredential::confirmed)
                .orElseThrow(() -> new DomainException(IdentityProblems.INVALID_CHALLENGE, "Log in again"));
        check(credential, code, now, IdentityProblems.INVALID_SECOND_FACTOR);
        if (!challenges.use(found.id(), now)) {
            throw new DomainException(IdentityProblems.INVALID_CHALLENGE, "The challenge has been used; log in again");
        }
        return new Passed(found.accountId(), found.institutionId());
    }

    /**
     * Turns two-factor authentication off with a current code (or a recovery code) of it, which counts towards the
     * lockout as at login; the secret, the recovery codes and the open challenges go.
     */
    @Transactional(value = "identity", noRollbackFor = DomainException.class)
    void turnOffWithCode(UUID accountId, String code) {
        check(requireEnabled(accountId), code, Times.now(), IdentityProblems.INVALID_CODE);
        turnOff(accountId);
    }

    /** Turns two-factor authentication off (the caller proved the account's password, or a code). */
    void turnOff(UUID accountId) {
        requireEnabled(accountId);
        challenges.deleteByAccountId(accountId);
        credentials.deleteRecoveryCodes(accountId);
        credentials.deleteCredential(accountId);
    }

    /** Erasure: the secret, the recovery codes, the open challenges, and the person as author of a staff policy. */
    public void erase(UUID accountId) {
        policies.forgetAuthor(accountId);
        challenges.deleteByAccountId(accountId);
        credentials.deleteRecoveryCodes(accountId);
        credentials.deleteCredential(accountId);
    }

    private TotpCredential requireEnabled(UUID accountId) {
        return credentials.findForUpdate(accountId).filter(TotpCredential::confirmed).orElseThrow(() ->
                new DomainException(IdentityProblems.TOTP_NOT_ENABLED, "Two-factor authentication is not on"));
    }

    /** Accepts the code once, or counts a failure (the one reaching the limit locks); refused while locked. */
    private void check(TotpCredential credential, String code, Instant now, ProblemType wrong) {
        if (credential.lockedAt(now)) {
            var seconds = Math.max(1, Duration.between(now, credential.lockedUntil()).plusMillis(999).toSeconds());
            throw new DomainException(IdentityProblems.ACCOUNT_LOCKED, "Too many wrong codes; try again in " + seconds
                    + " seconds", Duration.ofSeconds(seconds));
        }
        if (!accepts(credential, code, now)) {
            var failures = credential.failures() + 1;
            var locks = failures >= properties.maxFailures();
            credentials.failed(credential.accountId(), locks ? 0 : failures,
                    locks ? now.plus(properties.lockDuration()) : null);
            throw new DomainException(wrong, "The code is wrong or was used already");
        }
    }

    private boolean accepts(TotpCredential credential, String code, Instant now) {
        if (code == null) {
            return false;
        }
        var step = Totp.matchingStep(secretOf(credential), code.strip(), now, credential.lastUsedStep());
        if (step.isPresent()) {
            credentials.accepted(credential.accountId(), step.getAsLong());
            return true;
        }
        if (credentials.useRecoveryCode(credential.accountId(), recoveryIndex(code), now)) {
            credentials.accepted(credential.accountId(), credential.lastUsedStep());
            return true;
        }
        return false;
    }

    private String secretOf(TotpCredential credential) {
        return vault.open(credential.accountId(), SECRET, credential.accountId(), credential.secret())
                .orElseThrow(() -> new DomainException(IdentityProblems.INVALID_CHALLENGE, "Log in again"));
    }

    /** A keyed hash of the normalized code (lower case, no dashes or blanks). */
    private byte[] recoveryIndex(String code) {
        return vault.blindIndex(RECOVERY_CODE, code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT));
    }

    /** Ten Base32 characters (50 random bits) as {@code xxxxx-xxxxx}. */
    private static String newRecoveryCode() {
        var bytes = new byte[10];
        RANDOM.nextBytes(bytes);
        var text = new Base32().encodeToString(bytes).substring(0, 10).toLowerCase(Locale.ROOT);
        return text.substring(0, 5) + "-" + text.substring(5);
    }

    private static DomainException alreadyEnabled() {
        return new DomainException(IdentityProblems.TOTP_ALREADY_ENABLED, "Two-factor authentication is on already");
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
