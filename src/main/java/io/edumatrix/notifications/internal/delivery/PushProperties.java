package io.edumatrix.notifications.internal.delivery;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Web Push delivery.
 *
 * @param vapidPublicKey the application server's VAPID public key, base64url of the uncompressed P-256 point (as
 *     {@code web-push generate-vapid-keys} prints it); with {@code vapidPrivateKey}, or neither: then a key pair is
 *     generated once and stored in the notifications schema, its private key wrapped by the master key
 * @param vapidPrivateKey the matching private key, base64url of the 32-byte scalar
 * @param vapidSubject the contact a push service may reach the operator at ({@code mailto:} or {@code https:}), the
 *     JWT's {@code sub}
 * @param allowLoopbackHttp whether a subscription's endpoint may be {@code http://127.0.0.1:<port>/…} (tests and local
 *     development with a push service of one's own); otherwise only {@code https} endpoints are accepted
 * @param timeout how long one request to a push service may take, connecting included; a slower one is retried as a
 *     failure (it runs inside the delivery's transaction, so this stays below the transaction timeout)
 * @param ttl how long a push service keeps a message for a browser that is offline (the {@code TTL} header)
 */
@Validated
@ConfigurationProperties("edumatrix.notifications.push")
record PushProperties(
        String vapidPublicKey,
        String vapidPrivateKey,
        @NotNull @Pattern(regexp = "(mailto:|https://)\\S+", message = "must be a mailto: or https: URI")
        @DefaultValue("mailto:operator@edumatrix.invalid") String vapidSubject,
        @DefaultValue("false") boolean allowLoopbackHttp,
        @NotNull @DurationMin(millis = 100) @DurationMax(seconds = 4) @DefaultValue("3s") Duration timeout,
        @NotNull @DurationMin(seconds = 0) @DefaultValue("1d") Duration ttl) {}
