package io.edumatrix.platform.observability;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the Prometheus scrape is served ({@code GET /actuator/prometheus}), apart from the public port, and how often
 * the gauges that read the database (outboxes, module health) read it.
 *
 * @param address the address the scrape port binds to; loopback unless an operator opens it on purpose
 * @param port the scrape port; 0 picks a free one
 * @param databaseReadingsRefresh how old the reading of the outbox and module health gauges may be before a scrape
 *     reads the database again; longer than the pools' idle timeout, so scrapes do not keep an idle module's
 *     connection open
 */
@ConfigurationProperties("edumatrix.management")
@Validated
public record ManagementProperties(
        @NotBlank @DefaultValue("127.0.0.1") String address,
        @Min(0) @Max(65535) @DefaultValue("8081") int port,
        @NotNull @DefaultValue("1m") Duration databaseReadingsRefresh) {
}
