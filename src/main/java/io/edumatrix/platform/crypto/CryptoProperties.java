package io.edumatrix.platform.crypto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the platform manages the modules' encryption keys.
 *
 * @param rewrap the background job that re-wraps person keys still wrapped under an older module key
 * @param keysetRefreshInterval the oldest a module's keyset may be, as this instance last read it, when the instance wraps
 *     a new person key under it: a primary key another instance added is used here from the first new person key after
 *     this long. Read on use, not on a timer, so an idle module holds no connection for it.
 * @param personKeyCache the unwrapped person keys kept in memory
 */
@Validated
@ConfigurationProperties("edumatrix.crypto")
record CryptoProperties(
        @Valid @NotNull @DefaultValue Rewrap rewrap,
        @NotNull @DurationMin(millis = 100) @DefaultValue("5s") Duration keysetRefreshInterval,
        @Valid @NotNull @DefaultValue PersonKeyCacheSettings personKeyCache) {

    /**
     * @param batchSize person keys re-wrapped per transaction
     * @param interval pause between two runs of the job (each run works until nothing is left)
     */
    record Rewrap(
            @Min(1) @Max(10_000) @DefaultValue("500") int batchSize,
            @NotNull @DurationMin(millis = 100) @DefaultValue("30s") Duration interval) {}

    /**
     * @param maximumSize person keys kept at most (least recently used leave first)
     * @param ttl how long a key stays cached: the longest another instance may still use a key this one forgot
     */
    record PersonKeyCacheSettings(
            @Min(0) @DefaultValue("10000") int maximumSize,
            @NotNull @DefaultValue("30s") Duration ttl) {}
}
