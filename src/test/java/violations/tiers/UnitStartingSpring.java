package violations.tiers;

import io.edumatrix.platform.testing.UnitTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** Planted for TestTiersTests: a unit test that starts a Spring context. */
@UnitTest
@SpringBootTest
public class UnitStartingSpring {

    @Test
    void starts_the_application() {}
}
