package io.edumatrix.platform.testing;

import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/**
 * A service client's EC P-256 key pair made for a test (ADR 0035), with the PEM texts the settings take: the private
 * key for {@code edumatrix.service-client.private-key}, the public one for identity's
 * {@code edumatrix.identity.service-clients.<name>.public-key}.
 */
public record ServiceClientKeyPair(ECPublicKey publicKey, ECPrivateKey privateKey) {

    public static ServiceClientKeyPair generate() {
        try {
            var generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            var pair = generator.generateKeyPair();
            return new ServiceClientKeyPair((ECPublicKey) pair.getPublic(), (ECPrivateKey) pair.getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String publicPem() {
        return pem("PUBLIC KEY", publicKey.getEncoded());
    }

    public String privatePem() {
        return pem("PRIVATE KEY", privateKey.getEncoded());
    }

    private static String pem(String kind, byte[] der) {
        return "-----BEGIN " + kind + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + kind + "-----\n";
    }
}
