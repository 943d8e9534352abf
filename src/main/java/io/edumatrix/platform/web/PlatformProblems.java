package io.edumatrix.platform.web;

import io.edumatrix.platform.domain.ProblemType.Category;
import io.edumatrix.platform.domain.ProblemType;
import org.springframework.modulith.NamedInterface;

/**
 * The problem types the platform itself answers with, whatever the module: requests it cannot read, concurrent
 * changes, an unreachable database, its own failures. ({@link ProblemType#NOT_FOUND} and
 * {@link ProblemType#INVALID_TRANSITION}, which domain code raises, are shared the same way.)
 */
@NamedInterface("web")
public final class PlatformProblems {

    /** A field or parameter has a value the API does not accept; the problem lists each one. */
    public static final ProblemType INVALID_REQUEST = new ProblemType("invalid-request", Category.INVALID, "Invalid request");

    /** The request cannot be read at all: no body, no JSON, JSON of the wrong shape, a broken query string. */
    public static final ProblemType MALFORMED_REQUEST =
            new ProblemType("malformed-request", Category.INVALID, "Malformed request");

    /** The body is declared larger than the largest the API reads; refused before anything else is done. */
    public static final ProblemType REQUEST_TOO_LARGE =
            new ProblemType("request-too-large", Category.TOO_LARGE, "Content too large");

    public static final ProblemType CONCURRENT_UPDATE = ProblemType.conflict("concurrent-update");

    /** The request's transaction lost to concurrent ones (deadlock, serialization failure) even after retries. */
    public static final ProblemType TRANSACTION_CONFLICT = ProblemType.conflict("transaction-conflict");

    /** Rows the request needs stayed locked by other work longer than it may wait; the response says when to retry. */
    public static final ProblemType RESOURCE_BUSY =
            new ProblemType("resource-busy", Category.UNAVAILABLE, "Service unavailable");

    /** The database cannot be reached for now; the response says when to try again. */
    public static final ProblemType SERVICE_UNAVAILABLE =
            new ProblemType("service-unavailable", Category.UNAVAILABLE, "Service unavailable");

    public static final ProblemType INTERNAL_ERROR = new ProblemType("internal-error", Category.INTERNAL, "Internal error");

    private PlatformProblems() {}
}
