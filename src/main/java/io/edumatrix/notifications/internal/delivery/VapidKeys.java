package io.edumatrix.notifications.internal.delivery;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.edumatrix.platform.Times;
import io.edumatrix.platform.crypto.MasterKey;
import io.edumatrix.platform.data.ModuleStartupException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The application server's VAPID identity (RFC 8292): the configured key pair, or one generated once and stored, and
 * the {@code Authorization: vapid t=<JWT>, k=<public key>} header it signs for a push service's origin (ES256, with
 * Nimbus JOSE as identity's tokens are).
 */
@Service
@Transactional("notifications")
public class VapidKeys {

    /** RFC 8292 lets a JWT live 24 hours at most; half of that leaves room for clocks that disagree. */
    private static final Duration JWT_LIFETIME = Duration.ofHours(12);
    private static final byte[] ASSOCIATED_DATA = "edumatrix vapid key".getBytes(StandardCharsets.UTF_8);

    private final VapidKeyRepository stored;
    private final MasterKey masterKey;
    private final PushProperties properties;
    private volatile Pair pair;

    VapidKeys(VapidKeyRepository stored, MasterKey masterKey, PushProperties properties) {
        this.stored = stored;
        this.masterKey = masterKey;
        this.properties = properties;
    }

    record Pair(ECPublicKey publicKey, byte[] uncompressedPublicKey, ECPrivateKey privateKey) {}

    /** The public key as browsers take it ({@code applicationServerKey}): base64url of the uncompressed point. */
    public String publicKey() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(pair().uncompressedPublicKey());
    }

    /** The header value for a request to {@code endpoint}'s push service, whose origin is the JWT's audience. */
    String authorization(URI endpoint) {
        var keys = pair();
        var origin = endpoint.getScheme() + "://" + endpoint.getRawAuthority();
        var claims = new JWTClaimsSet.Builder().audience(origin).subject(properties.vapidSubject())
                .expirationTime(Date.from(Times.now().plus(JWT_LIFETIME))).build();
        var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new ECDSASigner(keys.privateKey()));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a VAPID token", e);
        }
        return "vapid t=" + jwt.serialize() + ", k=" + publicKey();
    }

    private Pair pair() {
        var known = pair;
        if (known == null) {
            synchronized (this) {
                if (pair == null) {
                    pair = configured() != null ? configured() : storedOrGenerated();
                }
                known = pair;
            }
        }
        return known;
    }

    private Pair configured() {
        var publicText = properties.vapidPublicKey();
        var privateText = properties.vapidPrivateKey();
        var hasPublic = publicText != null && !publicText.isBlank();
        var hasPrivate = privateText != null && !privateText.isBlank();
        if (!hasPublic && !hasPrivate) {
            return null;
        }
        if (hasPublic != hasPrivate) {
            throw new ModuleStartupException("Setting edumatrix.notifications.push.vapid-"
                    + (hasPublic ? "private" : "public") + "-key is missing",
                    "Set both VAPID keys (base64url, as web-push generate-vapid-keys prints them) or neither.");
        }
        try {
            var point = Base64.getUrlDecoder().decode(publicText.strip());
            var publicKey = WebPushEncryption.publicKey(point);
            var scalar = new BigInteger(1, Base64.getUrlDecoder().decode(privateText.strip()));
            var privateKey = (ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(
                    new ECPrivateKeySpec(scalar, publicKey.getParams()));
            requirePair(publicKey, privateKey);
            return new Pair(publicKey, point, privateKey);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new ModuleStartupException("Settings edumatrix.notifications.push.vapid-public-key and"
                    + " vapid-private-key are not a P-256 key pair: " + e.getMessage(),
                    "Set them to a pair web-push generate-vapid-keys printed, or remove both.", e);
        }
    }

    /** A signature made with the private key that the public key verifies: the JDK has no point multiplication. */
    private static void requirePair(ECPublicKey publicKey, ECPrivateKey privateKey) throws GeneralSecurityException {
        var probe = "edumatrix vapid pair".getBytes(StandardCharsets.UTF_8);
        var signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(privateKey);
        signer.update(probe);
        var signature = signer.sign();
        var verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(publicKey);
        verifier.update(probe);
        if (!verifier.verify(signature)) {
            throw new GeneralSecurityException("the keys are not a pair");
        }
    }

    private Pair storedOrGenerated() {
        if (stored.stored().isEmpty()) {
            var generated = WebPushEncryption.newKeyPair();
            stored.insert(WebPushEncryption.uncompressed((ECPublicKey) generated.getPublic()),
                    masterKey.encrypt(generated.getPrivate().getEncoded(), ASSOCIATED_DATA), Times.now());
        }
        var row = stored.stored().orElseThrow();
        try {
            var publicKey = WebPushEncryption.publicKey(row.publicKey());
            var privateKey = (ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(
                    new PKCS8EncodedKeySpec(masterKey.decrypt(row.privateKey(), ASSOCIATED_DATA)));
            return new Pair(publicKey, row.publicKey(), privateKey);
        } catch (GeneralSecurityException e) {
            throw masterKey.cannotUnwrap("The stored VAPID key", e);
        }
    }
}
