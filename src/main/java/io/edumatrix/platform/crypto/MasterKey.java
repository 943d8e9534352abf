package io.edumatrix.platform.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.subtle.AesGcmJce;
import io.edumatrix.platform.data.ModuleStartupException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Base64;
import org.springframework.modulith.NamedInterface;

/**
 * The platform's master key (AES-256-GCM) from the configuration, never stored in the database. It wraps the keys that
 * are: every module's keysets, and identity's token signing keys. Losing it loses every value those keys protect.
 */
@NamedInterface("crypto")
public final class MasterKey {

    static final String SETTING = "edumatrix.security.key-wrapping-key";
    static final String FILE_SETTING = "edumatrix.security.key-wrapping-key-file";
    private static final int KEY_BYTES = 32;

    private final Aead aead;
    private final String setting;

    private MasterKey(byte[] key, String setting) {
        this.setting = setting;
        try {
            this.aead = new AesGcmJce(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is not available in this JVM", e);
        }
    }

    static MasterKey from(MasterKeyProperties properties) {
        var inline = properties.keyWrappingKey();
        var file = properties.keyWrappingKeyFile();
        var hasInline = inline != null && !inline.isBlank();
        var hasFile = file != null && !file.isBlank();
        if (hasInline && hasFile) {
            throw new ModuleStartupException("Settings " + SETTING + " and " + FILE_SETTING + " are both set",
                    "Set only one of them: the key itself (EDUMATRIX_KEY_WRAPPING_KEY) or the file holding it"
                            + " (EDUMATRIX_KEY_WRAPPING_KEY_FILE).");
        }
        if (hasFile) {
            return new MasterKey(decode(read(file.strip()), FILE_SETTING), FILE_SETTING);
        }
        if (!hasInline) {
            throw new ModuleStartupException("Setting " + SETTING + " is missing", action(SETTING));
        }
        return new MasterKey(decode(inline, SETTING), SETTING);
    }

    /** The setting the key was read from, for messages that tell an operator which one to fix. */
    public String setting() {
        return setting;
    }

    public byte[] encrypt(byte[] plaintext, byte[] associatedData) {
        try {
            return aead.encrypt(plaintext, associatedData);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt under the master key", e);
        }
    }

    /** Fails when the ciphertext was made under another master key or with other associated data. */
    public byte[] decrypt(byte[] ciphertext, byte[] associatedData) throws GeneralSecurityException {
        return aead.decrypt(ciphertext, associatedData);
    }

    /** A refusal to start because something stored cannot be unwrapped with this key. */
    public ModuleStartupException cannotUnwrap(String what, Throwable cause) {
        return new ModuleStartupException(what + " cannot be unwrapped with the configured " + setting,
                "Set " + setting + " to the key the data was wrapped with (the master key cannot change between starts).",
                cause);
    }

    Aead aead() {
        return aead;
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new ModuleStartupException("Setting " + FILE_SETTING + " names a file that cannot be read: " + file,
                    "Point " + FILE_SETTING + " at a readable file holding the base64 of 32 random bytes.", e);
        }
    }

    private static byte[] decode(String base64, String setting) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new ModuleStartupException("Setting " + setting + " is not valid base64", action(setting));
        }
        if (key.length != KEY_BYTES) {
            throw new ModuleStartupException("Setting " + setting + " decodes to " + key.length + " bytes instead of 32",
                    action(setting));
        }
        return key;
    }

    private static String action(String setting) {
        var variable = setting.equals(FILE_SETTING) ? "EDUMATRIX_KEY_WRAPPING_KEY_FILE" : "EDUMATRIX_KEY_WRAPPING_KEY";
        return "Set " + setting + " (environment " + variable + ") to the base64 of 32 random bytes"
                + (setting.equals(FILE_SETTING) ? " in a file" : "") + ", for example the output of: openssl rand -base64 32";
    }
}
