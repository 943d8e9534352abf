package io.edumatrix.platform.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.subtle.AesGcmJce;
import io.edumatrix.platform.data.ModuleStartupException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.modulith.NamedInterface;

/**
 * The platform's master key (AES-256-GCM) from the configuration, never stored in the database. It wraps the keys that
 * are: every module's keysets, and identity's token signing keys. Losing it loses every value those keys protect.
 *
 * <p>During a rotation a second, previous key is configured beside it: the current key wraps everything new and
 * everything re-wrapped, the previous one only opens what is still wrapped under it. Each key is known by its
 * <em>fingerprint</em> (a hash of the key, never the key), which the database stores beside everything wrapped, so the
 * rotation knows what is left and a start-up without a needed key names it.
 */
@NamedInterface("crypto")
public final class MasterKey {

    public static final String SETTING = "edumatrix.security.key-wrapping-key";
    static final String FILE_SETTING = "edumatrix.security.key-wrapping-key-file";
    public static final String PREVIOUS_SETTING = "edumatrix.security.key-wrapping-key-previous";
    static final String PREVIOUS_FILE_SETTING = "edumatrix.security.key-wrapping-key-previous-file";
    private static final int KEY_BYTES = 32;
    private static final String FINGERPRINT_LABEL = "edumatrix.master-key.fingerprint.v1";

    /** One configured key: its primitive, its fingerprint and the setting it came from. */
    private record Entry(Aead aead, String fingerprint, String setting) {

        static Entry of(byte[] key, String setting) {
            try {
                return new Entry(new AesGcmJce(key), fingerprintOf(key), setting);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-256-GCM is not available in this JVM", e);
            }
        }
    }

    private final Entry current;
    private final Optional<Entry> previous;

    private MasterKey(Entry current, Optional<Entry> previous) {
        this.current = current;
        this.previous = previous;
    }

    static MasterKey from(MasterKeyProperties properties) {
        var current = read(properties.keyWrappingKey(), properties.keyWrappingKeyFile(), SETTING, FILE_SETTING)
                .orElseThrow(() -> new ModuleStartupException("Setting " + SETTING + " is missing", action(SETTING)));
        var previous = read(properties.keyWrappingKeyPrevious(), properties.keyWrappingKeyPreviousFile(), PREVIOUS_SETTING,
                PREVIOUS_FILE_SETTING);
        if (previous.isPresent() && previous.get().fingerprint().equals(current.fingerprint())) {
            throw new ModuleStartupException("Setting " + previous.get().setting() + " holds the same key as "
                    + current.setting(), "Set " + PREVIOUS_SETTING + " to the key being replaced, or leave it empty.");
        }
        return new MasterKey(current, previous);
    }

    /** The master key as the environment configures it, for the commands that run without the application. */
    public static MasterKey from(Environment environment) {
        return from(Binder.get(environment).bindOrCreate("edumatrix.security", MasterKeyProperties.class));
    }

    /** The setting the current key was read from, for messages that tell an operator which one to fix. */
    public String setting() {
        return current.setting();
    }

    /** The fingerprint of the key that wraps: {@code mk-} and 16 hex digits of a SHA-256 of the key. */
    public String fingerprint() {
        return current.fingerprint();
    }

    /** The fingerprint of the key being replaced, while one is configured. */
    public Optional<String> previousFingerprint() {
        return previous.map(Entry::fingerprint);
    }

    /** Whether a value wrapped under the key with this fingerprint can be opened here. */
    public boolean isConfigured(String fingerprint) {
        return entry(fingerprint).isPresent();
    }

    /** Always under the current key; store {@link #fingerprint()} beside the result. */
    public byte[] encrypt(byte[] plaintext, byte[] associatedData) {
        try {
            return current.aead().encrypt(plaintext, associatedData);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt under the master key", e);
        }
    }

    /**
     * Opens what the key with {@code fingerprint} wrapped; null for a value stored before fingerprints were recorded,
     * tried under every configured key. A fingerprint not configured here stops with {@link #notConfigured}.
     */
    public byte[] decrypt(byte[] ciphertext, byte[] associatedData, String fingerprint) throws GeneralSecurityException {
        return aeadFor(fingerprint, "A value").decrypt(ciphertext, associatedData);
    }

    /** Fails when the ciphertext was made under another master key or with other associated data. */
    public byte[] decrypt(byte[] ciphertext, byte[] associatedData) throws GeneralSecurityException {
        return decrypt(ciphertext, associatedData, null);
    }

    /** A refusal to start because something stored cannot be unwrapped with this key. */
    public ModuleStartupException cannotUnwrap(String what, Throwable cause) {
        return new ModuleStartupException(what + " cannot be unwrapped with the configured " + setting(),
                "Set " + setting() + " to the key the data was wrapped with (the master key cannot change between"
                        + " starts; to replace it, see the rotation procedure in the README).", cause);
    }

    /** A refusal because {@code what} is wrapped under a master key that is not configured here. */
    public ModuleStartupException notConfigured(String what, String fingerprint) {
        return new MasterKeyNotConfiguredException(what + " is wrapped under master key " + fingerprint
                + ", which is configured neither as " + setting() + " nor as " + PREVIOUS_SETTING,
                "Set " + PREVIOUS_SETTING + " (environment EDUMATRIX_KEY_WRAPPING_KEY_PREVIOUS) to the key with that"
                        + " fingerprint until GET /api/admin/keys/master reports nothing left under it.");
    }

    /** Thrown by {@link #notConfigured}: a key is missing, not a key that is wrong. Published: identity's signing keys tell
     * the two apart too. */
    @NamedInterface("crypto")
    public static final class MasterKeyNotConfiguredException extends ModuleStartupException {

        MasterKeyNotConfiguredException(String message, String action) {
            super(message, action);
        }
    }

    Aead aead() {
        return current.aead();
    }

    /** The key with that fingerprint; for null, one that tries the current key and then the previous one. */
    Aead aeadFor(String fingerprint, String what) {
        if (fingerprint == null) {
            return previous.isEmpty() ? current.aead() : new TryEach(List.of(current.aead(), previous.get().aead()));
        }
        return entry(fingerprint).map(Entry::aead).orElseThrow(() -> notConfigured(what, fingerprint));
    }

    /** The fingerprint of the configured key that opens {@code ciphertext}, for values stored without one. */
    Optional<String> fingerprintOpening(byte[] ciphertext, byte[] associatedData) {
        var entries = new ArrayList<Entry>();
        entries.add(current);
        previous.ifPresent(entries::add);
        for (var entry : entries) {
            try {
                entry.aead().decrypt(ciphertext, associatedData);
                return Optional.of(entry.fingerprint());
            } catch (GeneralSecurityException e) {
                // not this one
            }
        }
        return Optional.empty();
    }

    private Optional<Entry> entry(String fingerprint) {
        if (current.fingerprint().equals(fingerprint)) {
            return Optional.of(current);
        }
        return previous.filter(p -> p.fingerprint().equals(fingerprint));
    }

    static String fingerprintOf(byte[] key) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update(FINGERPRINT_LABEL.getBytes(StandardCharsets.UTF_8));
            return "mk-" + HexFormat.of().formatHex(digest.digest(key), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    /** An AEAD that decrypts with the first of several keys that opens the ciphertext, and encrypts with the first. */
    private record TryEach(List<Aead> keys) implements Aead {

        @Override
        public byte[] encrypt(byte[] plaintext, byte[] associatedData) throws GeneralSecurityException {
            return keys.getFirst().encrypt(plaintext, associatedData);
        }

        @Override
        public byte[] decrypt(byte[] ciphertext, byte[] associatedData) throws GeneralSecurityException {
            GeneralSecurityException last = null;
            for (var key : keys) {
                try {
                    return key.decrypt(ciphertext, associatedData);
                } catch (GeneralSecurityException e) {
                    last = e;
                }
            }
            throw last;
        }
    }

    private static Optional<Entry> read(String inline, String file, String setting, String fileSetting) {
        var hasInline = inline != null && !inline.isBlank();
        var hasFile = file != null && !file.isBlank();
        if (hasInline && hasFile) {
            throw new ModuleStartupException("Settings " + setting + " and " + fileSetting + " are both set",
                    "Set only one of them: the key itself (" + variable(setting) + ") or the file holding it ("
                            + variable(fileSetting) + ").");
        }
        if (hasFile) {
            return Optional.of(Entry.of(decode(readFile(file.strip(), fileSetting), fileSetting), fileSetting));
        }
        return hasInline ? Optional.of(Entry.of(decode(inline, setting), setting)) : Optional.empty();
    }

    private static String readFile(String file, String setting) {
        try {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new ModuleStartupException("Setting " + setting + " names a file that cannot be read: " + file,
                    "Point " + setting + " at a readable file holding the base64 of 32 random bytes.", e);
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

    private static String variable(String setting) {
        return "EDUMATRIX_" + setting.substring("edumatrix.security.".length()).replace('-', '_').toUpperCase(Locale.ROOT);
    }

    private static String action(String setting) {
        return "Set " + setting + " (environment " + variable(setting) + ") to the base64 of 32 random bytes"
                + (setting.endsWith("-file") ? " in a file" : "") + ", for example the output of: openssl rand -base64 32";
    }
}
