package io.edumatrix.freelancing.internal;

import io.edumatrix.platform.domain.StateMachine;
import io.edumatrix.platform.web.PlatformProblems;
import java.util.UUID;
import java.util.function.Supplier;

/** The two guards every status change here passes: the version the caller read, and a move nobody made meanwhile. */
final class Changes {

    private Changes() {}

    /** {@code expected} is optional: a caller that sends the version it read is told when someone changed it since. */
    static void requireVersion(String resource, UUID id, long actual, Long expected) {
        if (expected != null && expected != actual) {
            throw PlatformProblems.CONCURRENT_UPDATE.exception(
                    resource + " " + id + " is at version " + actual + ", not " + expected);
        }
    }

    /**
     * After a conditional UPDATE: none moved means another transaction moved the row first. Its new state explains
     * why ({@code invalid-transition}); should the move still be allowed from there, it is a lost race all the same.
     */
    static <S extends Enum<S>> void requireMoved(int moved, StateMachine<S> machine, Supplier<S> now, S to,
            String resource, UUID id) {
        if (moved == 0) {
            machine.check(now.get(), to);
            throw PlatformProblems.CONCURRENT_UPDATE.exception(
                    resource + " " + id + " changed meanwhile; read it again");
        }
    }
}
