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

    /** The fingerprint of the master key {@link #wrap} wraps under, to store beside the wrapped key. */
    String wrappingFingerprint() {
        return masterKey.fingerprint();
    }

    /** @param fingerprint of the master key that wrapped it; null when not recorded (every configured key is tried) */
    byte[] unwrap(String kid, byte[] wrapped, String fingerprint) {
        if (fingerprint != null && !masterKey.isConfigured(fingerprint)) {
            throw masterKey.notConfigured("Signing key " + kid, fingerprint);
        }
        try {
            return masterKey.decrypt(wrapped, associatedData(kid), fingerprint);
        } catch (GeneralSecurityException e) {
            throw masterKey.cannotUnwrap("Signing key " + kid, e);
        }
    }

    private static byte[] associatedData(String kid) {
        return ("edumatrix signing key " + kid).getBytes(StandardCharsets.UTF_8);
    }
}
