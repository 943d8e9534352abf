package io.edumatrix.platform;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/** Ids are made by the application: UUID version 7, time-ordered, so new rows land at the right edge of an index. */
@NamedInterface("base")
public final class Ids {

    private static final TimeBasedEpochGenerator GENERATOR = Generators.timeBasedEpochGenerator();

    private Ids() {}

    public static UUID next() {
        return GENERATOR.generate();
    }
}
