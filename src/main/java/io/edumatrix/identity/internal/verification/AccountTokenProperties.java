package io.edumatrix.identity.internal.verification;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The tokens identity mails.
 *
 * @param verificationTtl how long an email verification link works
 * @param resetTtl how long a password reset link works
 * @param mailsPerWindow mails of one kind (verification, reset) an account receives within {@code window} at most
 * @param window the window of that limit
 * @param resetsPerSource password resets one source address may ask for within {@code window} at most, on one instance
 */
@Validated
@ConfigurationProperties("edumatrix.identity.tokens")
record AccountTokenProperties(
        @NotNull @DurationMin(minutes = 1) @DefaultValue("24h") Duration verificationTtl,
        @NotNull @DurationMin(minutes = 1) @DefaultValue("1h") Duration resetTtl,
        @Min(1) @Max(100) @DefaultValue("3") int mailsPerWindow,
        @NotNull @DurationMin(minutes = 1) @DefaultValue("1h") Duration window,
        @Min(1) @Max(1_000_000) @DefaultValue("10") int resetsPerSource) {}
