package io.edumatrix.community.internal;

import io.edumatrix.platform.live.LiveStreams;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The live message streams of this instance.
 *
 * @param timeout how long one stream stays open; the client reconnects with {@code Last-Event-ID} and misses nothing.
 *     It also bounds how long a stream outlives the access token it was opened with
 * @param heartbeat how often an idle stream gets a comment, so proxies keep it and a gone client is noticed
 * @param perAccount open streams one account may hold on this instance (429 beyond)
 * @param perInstance open streams this instance holds at most (503 beyond)
 * @param reconnectDelay the wait before the notification listener connects again after losing its connection
 */
@Validated
@ConfigurationProperties("edumatrix.community.streams")
record StreamProperties(
        @NotNull @DurationMin(millis = 100) @DefaultValue("10m") Duration timeout,
        @NotNull @DurationMin(millis = 100) @DefaultValue("15s") Duration heartbeat,
        @Min(1) @DefaultValue("5") int perAccount,
        @Min(1) @DefaultValue("1000") int perInstance,
        @NotNull @DurationMin(millis = 10) @DefaultValue("1s") Duration reconnectDelay) implements LiveStreams.Limits {}
