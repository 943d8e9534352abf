package io.edumatrix.platform.audit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long the audit trail is kept. Every module's {@code audit_log} has a partition per month; a month is dropped
 * whole, by the module's owner role, once it is more than {@code retentionMonths} months before the current one.
 *
 * @param retentionMonths whole months kept before the current one (an entry lives at least this long, and less than a
 *     month longer)
 * @param partitionsAhead months after the current one whose partitions are created in advance, so that the maintenance
 *     (at start-up, or {@code --maintain-audit-log}) may run this much less often than monthly
 */
@Validated
@ConfigurationProperties("edumatrix.audit")
public record AuditProperties(
        @Min(1) @DefaultValue("24") int retentionMonths,
        @Min(1) @Max(24) @DefaultValue("3") int partitionsAhead) {}
