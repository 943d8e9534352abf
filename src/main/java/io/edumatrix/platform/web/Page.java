package io.edumatrix.platform.web;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.modulith.NamedInterface;

/**
 * One page of a keyset-paginated list. {@code next} is the cursor for the following page (pass it as {@code after}),
 * absent on the last page. Lists are ordered by id, which is time-ordered, so a page never shifts when rows are added.
 */
@NamedInterface("web")
public record Page<T>(List<T> items, UUID next) {

    /** For {@code @RequestParam(defaultValue = …)}, which takes a string. */
    public static final String DEFAULT_LIMIT = "20";
    public static final int MAX_LIMIT = 100;

    /** Sorts before every id, so a first page needs no cursor of its own. */
    private static final UUID BEFORE_ALL = new UUID(0, 0);

    /**
     * @param fetched up to {@code limit + 1} rows, so that a further page can be told without counting
     */
    public static <T> Page<T> of(List<T> fetched, int limit, Function<T, UUID> id) {
        if (fetched.size() <= limit) {
            return new Page<>(fetched, null);
        }
        var items = fetched.subList(0, limit);
        return new Page<>(List.copyOf(items), id.apply(items.getLast()));
    }

    /** The id to list after: the client's cursor, or the start of the list when it sent none. */
    public static UUID after(UUID cursor) {
        return cursor == null ? BEFORE_ALL : cursor;
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), next);
    }
}
