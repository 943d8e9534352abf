package io.edumatrix.identity.internal.twofactor;

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
 * Two-factor authentication.
 *
 * @param issuer the issuer authenticator apps show beside the account
 * @param challengeTtl how long a login waits for its second factor
 * @param maxFailures wrong codes in a row that lock the second factor
 * @param lockDuration how long that lock lasts
 * @param recoveryCodes how many recovery codes an enrollment answers
 */
@Validated
@ConfigurationProperties("edumatrix.identity.two-factor")
record TwoFactorProperties(
        @NotBlank @DefaultValue("EduMatrix") String issuer,
        @NotNull @DurationMin(seconds = 30) @DefaultValue("5m") Duration challengeTtl,
        @Min(1) @Max(100) @DefaultValue("5") int maxFailures,
        @NotNull @DurationMin(seconds = 1) @DefaultValue("15m") Duration lockDuration,
        @Min(1) @Max(50) @DefaultValue("10") int recoveryCodes) {}
