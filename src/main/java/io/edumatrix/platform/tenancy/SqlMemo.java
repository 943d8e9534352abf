package io.edumatrix.platform.tenancy;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What the tenancy layer derives from a statement's SQL text, derived once per text. The texts are the application's
 * own few hundred statements, run over and over and mostly the same {@code String} instances (Spring Data and the
 * repositories keep them), so a lookup is usually an identity comparison. Statements built with literals in them
 * would make the texts unbounded; past {@value #LIMIT} entries the memo forgets them all and starts again.
 */
final class SqlMemo<V> {

    private static final int LIMIT = 2_048;

    private final Map<String, V> derived = new ConcurrentHashMap<>();
    private final Function<String, V> derivation;

    SqlMemo(Function<String, V> derivation) {
        this.derivation = derivation;
    }

    V get(String sql) {
        var value = derived.get(sql);
        if (value == null) {
            if (derived.size() >= LIMIT) {
                derived.clear();
            }
            value = derivation.apply(sql);
            derived.put(sql, value);
        }
        return value;
    }
}
