package violations.tiers;

import io.edumatrix.platform.testing.ProcessTest;
import io.edumatrix.platform.testing.UnitTest;
import org.junit.jupiter.api.Test;

/** Planted for TestTiersTests: a test class claiming two tiers. */
@UnitTest
@ProcessTest
public class TwoTiers {

    @Test
    void claims_both() {}
}
