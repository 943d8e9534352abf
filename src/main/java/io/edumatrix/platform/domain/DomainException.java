package io.edumatrix.platform.domain;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A failure of the domain, named by its {@link ProblemType}. It knows nothing of HTTP: the platform's problem handler
 * turns it into an RFC 9457 response whose status follows from the type's category.
 */
public class DomainException extends RuntimeException {

    private final ProblemType type;
    private final Duration retryAfter;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    public DomainException(ProblemType type, String detail) {
        this(type, detail, null);
    }

    /** @param retryAfter how long the client should wait before trying again, or null */
    public DomainException(ProblemType type, String detail, Duration retryAfter) {
        super(detail);
        this.type = type;
        this.retryAfter = retryAfter;
    }

    /** The resource named in the request does not exist, or belongs to another institution. */
    public static DomainException notFound(String what, Object id) {
        return new DomainException(ProblemType.NOT_FOUND, what + " " + id + " does not exist");
    }

    /** Adds a member to the problem body beside type, title and detail (RFC 9457 extension member). */
    public DomainException with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    public Map<String, Object> properties() {
        return Map.copyOf(properties);
    }

    public ProblemType type() {
        return type;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
