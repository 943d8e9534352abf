package io.edumatrix.identity.internal;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.subtle.AesGcmJce;
import io.edumatrix.platform.data.ModuleStartupException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import org.springframework.stereotype.Component;

/**
 * Wraps private signing keys before they reach the database, with AES-256-GCM under the configured key-wrapping key.
 * The kid is the associated data, so a wrapped key copied onto another row no longer unwraps.
 */
@Component
class KeyWrapping {

    static final String SETTING = "edumatrix.security.key-wrapping-key";
    private static final int KEY_BYTES = 32;

    private final Aead aead;

    KeyWrapping(IdentityProperties properties) {
        this.aead = aead(decode(properties.keyWrappingKey()));
    }

    byte[] wrap(String kid, byte[] privateKey) {
        try {
            return aead.encrypt(privateKey, associatedData(kid));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot wrap signing key " + kid, e);
        }
    }

    byte[] unwrap(String kid, byte[] wrapped) {
        try {
            return aead.decrypt(wrapped, associatedData(kid));
        } catch (GeneralSecurityException e) {
            throw new ModuleStartupException("Signing key " + kid + " cannot be unwrapped with the configured " + SETTING,
                    "Set " + SETTING + " to the key the signing keys were wrapped with", e);
        }
    }

    private static byte[] associatedData(String kid) {
        return ("edumatrix signing key " + kid).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] decode(String base64) {
        var action = "Set " + SETTING + " (environment EDUMATRIX_KEY_WRAPPING_KEY) to the base64 of 32 random bytes,"
                + " for example the output of: openssl rand -base64 32";
        if (base64 == null || base64.isBlank()) {
            throw new ModuleStartupException("Setting " + SETTING + " is missing", action);
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new ModuleStartupException("Setting " + SETTING + " is not valid base64", action);
        }
        if (key.length != KEY_BYTES) {
            throw new ModuleStartupException("Setting " + SETTING + " decodes to " + key.length + " bytes instead of 32",
                    action);
        }
        return key;
    }

    private static Aead aead(byte[] key) {
        try {
            return new AesGcmJce(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is not available in this JVM", e);
        }
    }
}
