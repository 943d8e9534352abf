package io.edumatrix.platform.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;

/**
 * Where a page of the trail ends: the last entry's time and id (entries are listed newest first, by both). Opaque to
 * clients: base64url of {@code <epoch microseconds>:<id>}.
 */
record AuditCursor(Instant occurredAt, long id) {

    String encode() {
        var micros = ChronoUnit.MICROS.between(Instant.EPOCH, occurredAt);
        return Base64.getUrlEncoder().withoutPadding().encodeToString((micros + ":" + id).getBytes(StandardCharsets.US_ASCII));
    }

    /** Empty for anything that is not a cursor this endpoint returned. */
    static Optional<AuditCursor> decode(String text) {
        try {
            var parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII).split(":", -1);
            if (parts.length != 2) {
                return Optional.empty();
            }
            var occurredAt = Instant.EPOCH.plus(Long.parseLong(parts[0]), ChronoUnit.MICROS);
            return Optional.of(new AuditCursor(occurredAt, Long.parseLong(parts[1])));
        } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException e) {
            return Optional.empty();
        }
    }
}
