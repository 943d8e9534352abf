package io.edumatrix.platform.tenancy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs the values of the settings the row-level-security policies trust (tenant, acting account, data subject, audit
 * scope) with a module's settings key, so that SQL running as the app role cannot set them to a value of its choosing:
 * the policies read them only through the module's {@code <m>_fn_verified_setting}, which recomputes the HMAC with the
 * key's padded halves stored where only the owner role reads them (ADR 0026, {@code db/platform/V6}).
 *
 * <p>A signed value reads {@code value|issued|hmac}: {@code issued} in milliseconds since 1970, and the hex of
 * HMAC-SHA256 over {@code setting|value|issued}. The setting's name makes a value signed for one setting worthless in
 * another; the time makes it worthless in a transaction that begins more than a minute later.
 *
 * <p>A signature made less than a second ago for the same setting and value is handed out again rather than computed
 * afresh: every transaction signs four values, mostly the same few tenants and accounts over and over, and the minute
 * it stays good for is hardly shortened by a second.
 */
public final class SettingsSigner {

    private static final String ALGORITHM = "HmacSHA256";
    private static final int BLOCK_BYTES = 64;
    private static final HexFormat HEX = HexFormat.of();
    private static final long REUSE_MILLIS = 1_000;
    /** Past this many remembered signatures they are all forgotten: a bound, not a policy (each lives a second). */
    private static final int REMEMBERED = 4_096;

    private final Mac prototype;
    private final Clock clock;
    private final Map<SettingValue, Signature> recent = new ConcurrentHashMap<>();

    private record SettingValue(String setting, String value) {}

    private record Signature(String signed, long issued) {}

    public SettingsSigner(byte[] key) {
        this(key, Clock.systemUTC());
    }

    SettingsSigner(byte[] key, Clock clock) {
        this.clock = clock;
        try {
            prototype = Mac.getInstance(ALGORITHM);
            prototype.init(new SecretKeySpec(key, ALGORITHM));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this JVM", e);
        }
    }

    /** The signed form of {@code value} for {@code setting}; an empty value stays empty (nothing to trust). */
    public String sign(String setting, String value) {
        if (value.isEmpty()) {
            return value;
        }
        if (value.indexOf('|') >= 0) {
            throw new IllegalArgumentException("A trusted setting's value may not contain '|': " + value);
        }
        long now = clock.millis();
        var key = new SettingValue(setting, value);
        var last = recent.get(key);
        if (last != null && now >= last.issued() && now - last.issued() < REUSE_MILLIS) {
            return last.signed();
        }
        if (recent.size() >= REMEMBERED) {
            recent.clear();
        }
        var signature = new Signature(signAt(setting, value, now), now);
        recent.put(key, signature);
        return signature.signed();
    }

    private String signAt(String setting, String value, long issued) {
        var signed = value + '|' + issued;
        return signed + '|' + HEX.formatHex(mac().doFinal((setting + '|' + signed).getBytes(StandardCharsets.UTF_8)));
    }

    /** A copy of the keyed prototype: cloning skips the key schedule, and a copy per call is safe on any thread. */
    private Mac mac() {
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(ALGORITHM + " of this JVM cannot be cloned", e);
        }
    }

    /** HMAC's inner padded key (RFC 2104), which the database hashes with the message. */
    public static byte[] innerPad(byte[] key) {
        return pad(key, (byte) 0x36);
    }

    /** HMAC's outer padded key (RFC 2104), which the database hashes with the inner hash. */
    public static byte[] outerPad(byte[] key) {
        return pad(key, (byte) 0x5c);
    }

    private static byte[] pad(byte[] key, byte mask) {
        if (key.length > BLOCK_BYTES) {
            throw new IllegalArgumentException(new InvalidKeyException("A settings key has at most 64 bytes"));
        }
        var padded = new byte[BLOCK_BYTES];
        for (int i = 0; i < BLOCK_BYTES; i++) {
            padded[i] = (byte) ((i < key.length ? key[i] : 0) ^ mask);
        }
        return padded;
    }
}
