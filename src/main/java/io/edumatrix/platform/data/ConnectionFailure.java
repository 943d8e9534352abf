package io.edumatrix.platform.data;

import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.sql.SQLException;
import javax.net.ssl.SSLException;

/**
 * Says in a few words why a connection failed when TLS is the reason, and which setting to look at; pgjdbc's own
 * message for these is a handshake trace or names no setting.
 */
final class ConnectionFailure {

    private ConnectionFailure() {}

    /** The cause in words, or pgjdbc's message when it is not about TLS. */
    static String cause(SQLException e, DatabaseLocation location, String role) {
        var message = String.valueOf(e.getMessage());
        if (message.contains("could not be verified") || message.contains("does not match")
                && message.contains("host")) {
            return "the server's certificate does not name host " + location.host()
                    + " (sslmode verify-full checks DB_HOST against it)";
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CertPathValidatorException || t instanceof CertificateException
                    || String.valueOf(t.getMessage()).contains("PKIX path")) {
                return "the server's certificate is not signed by the CA in edumatrix.database.ssl.root-cert"
                        + " (DB_SSL_ROOT_CERT)";
            }
        }
        if (message.contains("certificate authentication failed") || message.contains("certificate")
                && message.contains("user")) {
            return "the server refused the client certificate " + role + ".crt in edumatrix.database.ssl.cert-dir"
                    + " (DB_SSL_CERT_DIR): its CN must be the role " + role + " (" + firstLine(message) + ")";
        }
        if (message.contains("no encryption") || message.contains("pg_hba.conf rejects connection")
                && message.contains("no encryption")) {
            return "the server accepts only TLS and edumatrix.database.ssl.mode (DB_SSL_MODE) is disable ("
                    + firstLine(message) + ")";
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SSLException) {
                return "TLS failed: " + firstLine(String.valueOf(t.getMessage()));
            }
        }
        return firstLine(message);
    }

    private static String firstLine(String message) {
        return message.lines().findFirst().orElse(message);
    }
}
