package io.edumatrix.platform.tenancy;

import java.util.List;

/**
 * Under row-level security PostgreSQL tests a query's own conditions only after the policy's, unless the functions
 * behind them are LEAKPROOF; an index scan tests them first, so a GIN index on a tenant-owned table is never used for
 * {@code tsvector @@ tsquery} or {@code array @> array}, whose functions PostgreSQL ships unmarked. Marking the two
 * functions LEAKPROOF (a superuser's right, per database) lets full-text search and tag filters read their GIN indexes
 * again. They answer true or false and raise no error that depends on a row's values, which is what LEAKPROOF
 * promises (ADR 0016).
 */
public final class LeakproofOperators {

    private LeakproofOperators() {}

    /** Statements a superuser runs in the application's database; idempotent. */
    public static List<String> statements() {
        return List.of(
                "ALTER FUNCTION pg_catalog.ts_match_vq(tsvector, tsquery) LEAKPROOF",
                "ALTER FUNCTION pg_catalog.arraycontains(anyarray, anyarray) LEAKPROOF");
    }
}
