package io.edumatrix.platform.crypto;

/**
 * A stored ciphertext failed its authentication: it was altered, or copied from another row, column or data subject.
 * Never answered with a wrong plaintext; a fault of the data, so the client sees an internal error.
 */
public final class TamperedCiphertextException extends IllegalStateException {

    TamperedCiphertextException(String message, Throwable cause) {
        super(message, cause);
    }
}
