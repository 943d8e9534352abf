package violations.tiers;

import io.edumatrix.platform.testing.UnitTest;
import org.junit.jupiter.api.Test;

/** Planted for TestTiersTests: a unit test whose helper opens the test database. */
@UnitTest
public class UnitThroughAHelper {

    @Test
    void reads_through_its_helper() {
        DatabaseHelper.rows();
    }
}
