package io.edumatrix.platform.tenancy;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.modulith.NamedInterface;

/**
 * Which read-only transactions must read from the primary although the module has a read replica (ADR 0028): those a
 * module labels {@link #PRIMARY}, and those of a caller (an account, or the request when nobody is logged in) who
 * committed a write in this instance within the window, so that a caller's own write is never missing from what the
 * caller reads next. A replica's lag is bounded by its maximum; the window is that bound.
 */
@NamedInterface("tenancy")
public final class OwnWrites {

    /** {@code @Transactional(value = "<module>", readOnly = true, label = OwnWrites.PRIMARY)}: never from a replica. */
    public static final String PRIMARY = "edumatrix:read-primary";

    private static final int SWEEP_ABOVE = 10_000;

    private final long windowNanos;
    private final Map<Object, Long> lastWrite = new ConcurrentHashMap<>();

    public OwnWrites(Duration window) {
        this.windowNanos = window.toNanos();
    }

    /** A read-write transaction of {@code context}'s caller committed. */
    void wrote(TenantContext context) {
        var now = System.nanoTime();
        context.accountId().ifPresent(account -> lastWrite.put(account, now));
        context.requestId().ifPresent(request -> lastWrite.put(request, now));
        if (lastWrite.size() > SWEEP_ABOVE) {
            lastWrite.values().removeIf(at -> now - at > windowNanos);
        }
    }

    /** Whether a read-only transaction with these labels, for {@code context}'s caller, must read the primary. */
    boolean readFromPrimary(TenantContext context, Collection<String> labels) {
        if (labels.contains(PRIMARY)) {
            return true;
        }
        var now = System.nanoTime();
        return context.accountId().map(account -> recent(account, now)).orElse(false)
                || context.requestId().map(request -> recent(request, now)).orElse(false);
    }

    private boolean recent(Object caller, long now) {
        var at = lastWrite.get(caller);
        return at != null && now - at <= windowNanos;
    }
}
