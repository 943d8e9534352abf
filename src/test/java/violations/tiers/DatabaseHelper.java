package violations.tiers;

import io.edumatrix.platform.testing.TestDatabase;

/** Planted for TestTiersTests: a helper that reaches the database, which makes its callers database tests. */
final class DatabaseHelper {

    private DatabaseHelper() {}

    static String rows() {
        return TestDatabase.get().name();
    }
}
