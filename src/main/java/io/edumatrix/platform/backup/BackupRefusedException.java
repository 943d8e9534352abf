package io.edumatrix.platform.backup;

/** A module backup or restore that was not done, with what stopped it; the database is as it was. */
public final class BackupRefusedException extends RuntimeException {

    BackupRefusedException(String message) {
        super(message);
    }
}
