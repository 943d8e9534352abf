package io.edumatrix.identity.internal.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import io.edumatrix.platform.Ids;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.text.ParseException;

/** Creates ES256 (EC P-256) signing keys and converts them between the JWK form and the stored form. */
final class SigningKeyMaterial {

    private SigningKeyMaterial() {}

    static ECKey generate() {
        try {
            var generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(Curve.P_256.toECParameterSpec());
            var pair = generator.generateKeyPair();
            return new ECKey.Builder(Curve.P_256, (ECPublicKey) pair.getPublic())
                    .privateKey(pair.getPrivate())
                    .keyID(Ids.next().toString())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256)
                    .build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("EC P-256 keys are not available in this JVM", e);
        }
    }

    /** The private key as PKCS#8 bytes, the form that gets wrapped. */
    static byte[] privateKeyBytes(ECKey key) {
        try {
            return key.toECPrivateKey().getEncoded();
        } catch (JOSEException e) {
            throw new IllegalStateException("Signing key " + key.getKeyID() + " has no usable private key", e);
        }
    }

    static ECKey publicKey(StoredSigningKey stored) {
        try {
            return ECKey.parse(stored.publicJwk());
        } catch (ParseException e) {
            throw new IllegalStateException("Signing key " + stored.kid() + " has an unreadable public JWK", e);
        }
    }

    static ECKey withPrivateKey(ECKey publicKey, byte[] pkcs8) {
        try {
            var privateKey = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            return new ECKey.Builder(publicKey).privateKey(privateKey).build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Signing key " + publicKey.getKeyID() + " has an unreadable private key", e);
        }
    }
}
