package io.edumatrix.platform.rollback;

/** A rollback that was not done, with what stopped it; the database is as it was. */
public final class RollbackRefusedException extends RuntimeException {

    RollbackRefusedException(String message) {
        super(message);
    }
}
