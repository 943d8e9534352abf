package violations.tiers;

import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.testing.SideLane;
import org.junit.jupiter.api.Test;

/** Planted for TestTiersTests: an integration test put on the side lane, beside the contexts it would share. */
@IntegrationTest
@SideLane
public class IntegrationOnTheSideLane {

    @Test
    void shares_the_run_s_contexts() {}
}
