package io.edumatrix.platform.domain;

import java.net.URI;

/**
 * A kind of failure a client can act on: a stable name (the last segment of the RFC 9457 {@code type}) and the
 * category that decides its HTTP status. Modules declare their problem types as {@code static final} constants, so a
 * test can list every one of them and hold the README's table of errors to them.
 */
public record ProblemType(String name, Category category, String title) {

    private static final String BASE = "https://edumatrix.io/problems/";

    /** What went wrong, in terms of the domain; the web layer maps each to an HTTP status. */
    public enum Category {
        /** The named resource does not exist or is not visible to the caller. */
        NOT_FOUND,
        /** The request conflicts with the current state (a duplicate, a stale version, a state transition). */
        CONFLICT,
        /** The request is well formed but breaks a rule of the domain. */
        RULE_VIOLATED,
        /** The caller may not do this. */
        FORBIDDEN,
        /** The request is invalid as such. */
        INVALID,
        /** The request's body is larger than anything the API takes. */
        TOO_LARGE,
        /** The caller could not be authenticated. */
        UNAUTHENTICATED,
        /** The caller must wait before trying again. */
        TOO_MANY_ATTEMPTS,
        /** The service cannot answer for now, through no fault of the request; trying again later may succeed. */
        UNAVAILABLE,
        /** The service failed: a fault of its own, never of the request. */
        INTERNAL
    }

    public static final ProblemType NOT_FOUND = new ProblemType("not-found", Category.NOT_FOUND, "Not found");

    /**
     * The resource's state does not allow the requested one next; the problem names the current state
     * ({@code currentState}) and the states it could move to ({@code allowedStates}). See {@link StateMachine}.
     */
    public static final ProblemType INVALID_TRANSITION = new ProblemType("invalid-transition", Category.CONFLICT,
            "Conflict");

    public static ProblemType conflict(String name) {
        return new ProblemType(name, Category.CONFLICT, "Conflict");
    }

    public static ProblemType ruleViolated(String name) {
        return new ProblemType(name, Category.RULE_VIOLATED, "Unprocessable request");
    }

    public URI uri() {
        return URI.create(BASE + name);
    }

    public DomainException exception(String detail) {
        return new DomainException(this, detail);
    }
}
