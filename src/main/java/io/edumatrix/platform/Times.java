package io.edumatrix.platform;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.modulith.NamedInterface;

/**
 * The current instant at PostgreSQL's precision (microseconds), so an instant returned when a row is created equals
 * the one read back later.
 */
@NamedInterface("base")
public final class Times {

    private Times() {}

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
