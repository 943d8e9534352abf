package io.edumatrix.identity.internal.keys;

import io.edumatrix.platform.crypto.MasterKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import org.springframework.stereotype.Component;

/**
 * Wraps private signing keys before they reach the database, with AES-256-GCM under the platform's master key. The kid
 * is the associated data, so a wrapped key copied onto another row no longer unwraps.
 */
@Component
class KeyWrapping {

    private final MasterKey masterKey;

    KeyWrapping(MasterKey masterKey) {
        this.masterKey = masterKey;
    }

    byte[] wrap(String kid, byte[] privateKey) {
        return masterKey.encrypt(privateKey, associatedData(kid));
    }

    byte[] unwrap(String kid, byte[] wrapped) {
        try {
            return masterKey.decrypt(wrapped, associatedData(kid));
        } catch (GeneralSecurityException e) {
            throw masterKey.cannotUnwrap("Signing key " + kid, e);
        }
    }

    private static byte[] associatedData(String kid) {
        return ("edumatrix signing key " + kid).getBytes(StandardCharsets.UTF_8);
    }
}
