package io.edumatrix.notifications.internal.delivery;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.KDF;
import javax.crypto.KeyAgreement;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.HKDFParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Message encryption for Web Push (RFC 8291) in the {@code aes128gcm} content coding (RFC 8188), with the JDK's own
 * ECDH on P-256, HKDF-SHA256 (JEP 510) and AES-128-GCM: a fresh key pair and salt per message, one record, the
 * application server's public key as the record's key id.
 */
final class WebPushEncryption {

    /** The record size announced in the header; one record holds the whole (small) payload. */
    static final int RECORD_SIZE = 4096;
    /** The largest payload one record carries: the record size less the padding delimiter and the GCM tag. */
    static final int MAX_PAYLOAD = RECORD_SIZE - 1 - 16;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ECParameterSpec P256 = p256();

    private WebPushEncryption() {}

    /**
     * The body to POST to the subscription's endpoint: {@code salt(16) | rs(4) | idlen(1) | keyid(65) | ciphertext}.
     *
     * @param userAgentPublicKey the subscription's {@code p256dh}, an uncompressed P-256 point (65 bytes)
     * @param authSecret the subscription's {@code auth} (16 bytes)
     */
    static byte[] encrypt(byte[] payload, byte[] userAgentPublicKey, byte[] authSecret) {
        var salt = new byte[16];
        RANDOM.nextBytes(salt);
        return encrypt(payload, userAgentPublicKey, authSecret, newKeyPair(), salt);
    }

    /** As {@link #encrypt(byte[], byte[], byte[])} with a given key pair and salt (RFC 8291's example uses fixed ones). */
    static byte[] encrypt(byte[] payload, byte[] userAgentPublicKey, byte[] authSecret, KeyPair serverKeys,
            byte[] salt) {
        if (payload.length > MAX_PAYLOAD) {
            throw new IllegalArgumentException("A push payload holds at most " + MAX_PAYLOAD + " bytes");
        }
        try {
            var serverPublic = uncompressed((ECPublicKey) serverKeys.getPublic());
            var agreement = KeyAgreement.getInstance("ECDH");
            agreement.init(serverKeys.getPrivate());
            agreement.doPhase(publicKey(userAgentPublicKey), true);
            var ecdhSecret = agreement.generateSecret();

            var keyInfo = concat("WebPush: info\0".getBytes(StandardCharsets.US_ASCII), userAgentPublicKey,
                    serverPublic);
            var ikm = hkdf(authSecret, ecdhSecret, keyInfo, 32);
            var contentKey = hkdf(salt, ikm, "Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII), 16);
            var nonce = hkdf(salt, ikm, "Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII), 12);

            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(contentKey, "AES"), new GCMParameterSpec(128, nonce));
            // The last (and only) record ends its plaintext with the delimiter 0x02 and no further padding.
            var ciphertext = cipher.doFinal(concat(payload, new byte[] {2}));

            return ByteBuffer.allocate(16 + 4 + 1 + serverPublic.length + ciphertext.length)
                    .put(salt).putInt(RECORD_SIZE).put((byte) serverPublic.length).put(serverPublic).put(ciphertext)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Web Push encryption failed", e);
        }
    }

    /** A new P-256 key pair. */
    static KeyPair newKeyPair() {
        try {
            var generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("P-256 is not available in this JVM", e);
        }
    }

    /**
     * The public key of an uncompressed P-256 point; refuses anything else, a point off the curve included (the JDK's
     * key agreement checks that, so a throwaway agreement is made with it).
     */
    static ECPublicKey publicKey(byte[] uncompressedPoint) throws GeneralSecurityException {
        if (uncompressedPoint.length != 65 || uncompressedPoint[0] != 4) {
            throw new GeneralSecurityException("not an uncompressed P-256 point");
        }
        var point = new ECPoint(new BigInteger(1, Arrays.copyOfRange(uncompressedPoint, 1, 33)),
                new BigInteger(1, Arrays.copyOfRange(uncompressedPoint, 33, 65)));
        var key = (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, P256));
        var check = KeyAgreement.getInstance("ECDH");
        check.init(newKeyPair().getPrivate());
        check.doPhase(key, true);
        return key;
    }

    /** The key as an uncompressed point: {@code 0x04 | x (32) | y (32)}. */
    static byte[] uncompressed(ECPublicKey key) {
        return concat(new byte[] {4}, fixed32(key.getW().getAffineX()), fixed32(key.getW().getAffineY()));
    }

    private static byte[] hkdf(byte[] salt, byte[] ikm, byte[] info, int length) throws GeneralSecurityException {
        return KDF.getInstance("HKDF-SHA256").deriveData(
                HKDFParameterSpec.ofExtract().addSalt(salt).addIKM(ikm).thenExpand(info, length));
    }

    private static byte[] fixed32(BigInteger value) {
        var bytes = value.toByteArray();
        var fixed = new byte[32];
        var length = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - length, fixed, 32 - length, length);
        return fixed;
    }

    private static byte[] concat(byte[]... parts) {
        var out = new ByteArrayOutputStream();
        for (var part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static ECParameterSpec p256() {
        try {
            var parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("P-256 is not available in this JVM", e);
        }
    }
}
