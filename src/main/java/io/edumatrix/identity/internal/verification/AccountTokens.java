package io.edumatrix.identity.internal.verification;

import io.edumatrix.identity.internal.IdentityProblems;
import io.edumatrix.identity.internal.SecretTokens;
import io.edumatrix.identity.internal.verification.AccountToken.Purpose;
import io.edumatrix.platform.Ids;
import io.edumatrix.platform.Times;
import io.edumatrix.platform.domain.DomainException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Issues and uses the tokens identity mails. Every refusal is the same problem, whether the token is unknown (forged),
 * expired, used or for another purpose. Its methods join the caller's identity transaction.
 */
@Component
@EnableConfigurationProperties(AccountTokenProperties.class)
class AccountTokens {

    private final AccountTokenRepository tokens;
    private final AccountTokenProperties properties;

    AccountTokens(AccountTokenRepository tokens, AccountTokenProperties properties) {
        this.tokens = tokens;
        this.properties = properties;
    }

    /** A new token's value, for the mail; only its hash is stored. */
    String issue(UUID accountId, Purpose purpose, byte[] emailIndex) {
        var value = SecretTokens.generate();
        var now = Times.now();
        var ttl = purpose == Purpose.PASSWORD_RESET ? properties.resetTtl() : properties.verificationTtl();
        tokens.insert(Ids.next(), accountId, purpose.name(), SecretTokens.hash(value), emailIndex, now, now.plus(ttl));
        return value;
    }

    /** How long until the account may be mailed another token of the purpose; empty: now. */
    Optional<Duration> waitBeforeNext(UUID accountId, Purpose purpose) {
        var now = Times.now();
        var issued = tokens.countIssuedSince(accountId, purpose.name(), now.minus(properties.window()));
        return issued < properties.mailsPerWindow() ? Optional.empty() : Optional.of(properties.window());
    }

    /** The token, if it may be used for the purpose now; not yet used up. */
    AccountToken find(String presented, Purpose purpose) {
        return tokens.findByTokenHash(SecretTokens.hash(presented))
                .filter(token -> token.usableFor(purpose, Times.now()))
                .orElseThrow(AccountTokens::refused);
    }

    /** Uses the token once, or refuses it; the account's other tokens of the purpose stop working too. */
    AccountToken use(String presented, Purpose purpose) {
        var token = find(presented, purpose);
        var now = Times.now();
        if (!tokens.markUsed(token.id(), now)) {
            throw refused();
        }
        tokens.markAllUsed(token.accountId(), purpose.name(), now);
        return token;
    }

    static DomainException refused() {
        return new DomainException(IdentityProblems.INVALID_TOKEN,
                "The token is unknown, has expired or has been used; ask for a new mail");
    }
}
