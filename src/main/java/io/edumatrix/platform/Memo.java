package io.edumatrix.platform;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A value derived from a key, derived once per key and handed out again after that: what the hot path would otherwise
 * recompute on every request from inputs that repeat (a statement's SQL text, a verified token). The keys are usually
 * the same instances every time, so a lookup is mostly an identity comparison. A flood of distinct keys cannot grow it
 * without end: past its limit it forgets everything and starts again. A derivation that throws remembers nothing.
 */
public final class Memo<K, V> {

    private final Map<K, V> derived = new ConcurrentHashMap<>();
    private final int limit;
    private final Function<K, V> derivation;

    public Memo(int limit, Function<K, V> derivation) {
        if (limit < 1) {
            throw new IllegalArgumentException("A memo's limit must be at least 1, was " + limit);
        }
        this.limit = limit;
        this.derivation = derivation;
    }

    public V get(K key) {
        var value = derived.get(key);
        if (value == null) {
            if (derived.size() >= limit) {
                derived.clear();
            }
            value = derivation.apply(key);
            derived.put(key, value);
        }
        return value;
    }
}
