package io.edumatrix.identity.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the identity module issues and checks tokens and guards logins. The key that wraps the signing keys is the
 * platform's master key ({@link io.edumatrix.platform.crypto.MasterKey}).
 *
 * @param issuer the {@code iss} of every access token, and the only one accepted
 * @param accessTokenTtl lifetime of an access token
 * @param refreshTokenTtl lifetime of a refresh token (each rotation issues a new one with a fresh lifetime)
 * @param revocationRefreshInterval how often each instance re-reads the revoked sessions: the longest a logged-out
 *     session's access tokens still pass on another instance
 * @param jwksMaxAge how long clients may cache the published public keys
 * @param lockout when repeated failed logins lock an account
 */
@Validated
@ConfigurationProperties("edumatrix.security")
public record IdentityProperties(
        @NotBlank @DefaultValue("edumatrix") String issuer,
        @NotNull @DurationMin(seconds = 10) @DefaultValue("15m") Duration accessTokenTtl,
        @NotNull @DurationMin(minutes = 1) @DefaultValue("30d") Duration refreshTokenTtl,
        @NotNull @DurationMin(millis = 100) @DefaultValue("5s") Duration revocationRefreshInterval,
        @NotNull @DefaultValue("5m") Duration jwksMaxAge,
        @Valid @NotNull @DefaultValue Lockout lockout) {

    /**
     * @param maxFailures failed logins within {@code window} that lock the account
     * @param window how far back failures count
     * @param duration how long the account stays locked
     */
    public record Lockout(
            @Min(1) @Max(100) @DefaultValue("5") int maxFailures,
            @NotNull @DurationMin(seconds = 1) @DefaultValue("15m") Duration window,
            @NotNull @DurationMin(seconds = 1) @DefaultValue("15m") Duration duration) {}
}
