package violations.tiers;

import org.junit.jupiter.api.Test;

/** Planted for TestTiersTests: a test class in no tier, which neither ./mvnw test nor the tier rule would accept. */
public class Untiered {

    @Test
    void runs_nowhere_in_particular() {}
}
