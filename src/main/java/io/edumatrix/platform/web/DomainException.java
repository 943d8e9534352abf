package io.edumatrix.platform.web;

import java.time.Duration;
import java.util.Optional;

/**
 * A failure of the domain, named by its {@link ProblemType}. It knows nothing of HTTP: the platform's problem handler
 * turns it into an RFC 9457 response whose status follows from the type's category.
 */
public class DomainException extends RuntimeException {

    private final ProblemType type;
    private final Duration retryAfter;

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

    public ProblemType type() {
        return type;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
