package io.edumatrix.platform.remote;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The modules this process reaches in other processes, keyed by module name ({@code edumatrix.remote.<module>.*},
 * {@code EDUMATRIX_REMOTE_<MODULE>_URL}).
 *
 * @param remote per remote module: where it serves and how patiently it is called
 */
@Validated
@ConfigurationProperties("edumatrix")
record RemoteProperties(@NotNull @DefaultValue Map<String, @Valid Remote> remote) {

    /**
     * @param url the base URL of the process that runs the module (its public port: the internal bindings and the
     *     public API share it)
     * @param connectTimeout how long a connection may take to open
     * @param readTimeout how long an answer may take
     * @param maxAttempts attempts of an idempotent call (a read) that met no answer or a 502/503/504; others are tried once
     * @param retryDelay the wait before the second attempt, doubled before each further one
     * @param retryAfter what a caller of ours is told to wait when the module cannot be reached (503 Retry-After)
     */
    record Remote(
            @NotNull URI url,
            @NotNull @DefaultValue("2s") Duration connectTimeout,
            @NotNull @DefaultValue("5s") Duration readTimeout,
            @Min(1) @Max(10) @DefaultValue("3") int maxAttempts,
            @NotNull @DefaultValue("200ms") Duration retryDelay,
            @NotNull @DefaultValue("5s") Duration retryAfter) {}
}
