package io.edumatrix.identity.internal.keys;

import com.nimbusds.jose.jwk.ECKey;
import io.edumatrix.identity.internal.IdentityProperties;
import io.edumatrix.platform.Times;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, rotates and retires the token signing keys. Key management takes a transaction-scoped advisory lock, so
 * instances starting or rotating at the same moment take turns; the unique index on the active key backs that up.
 */
@Service
@Transactional("identity")
class SigningKeyService {

    private static final Logger log = LoggerFactory.getLogger(SigningKeyService.class);

    private final SigningKeyRepository keys;
    private final KeyWrapping wrapping;
    private final IdentityProperties properties;

    SigningKeyService(SigningKeyRepository keys, KeyWrapping wrapping, IdentityProperties properties) {
        this.keys = keys;
        this.wrapping = wrapping;
        this.properties = properties;
    }

    /** The active key with its private half; created if there is none yet. */
    ECKey activeKey() {
        keys.lockKeyManagement();
        return keys.findActive().map(this::unwrap).orElseGet(this::createActive);
    }

    /**
     * Makes a new key the active one. The previous keys stay published, so tokens they signed stay valid until they
     * expire; a key superseded long enough ago that none of its tokens can still be valid is retired.
     */
    ECKey rotate() {
        keys.lockKeyManagement();
        var now = Times.now();
        var retired = keys.retireSupersededBefore(now.minus(verificationGrace()), now);
        keys.supersedeActive(now);
        var key = createActive();
        log.info("Signing key {} is now active; {} superseded key(s) retired", key.getKeyID(), retired);
        return key;
    }

    @Transactional(value = "identity", readOnly = true)
    List<ECKey> publishedKeys() {
        return keys.findPublished().stream().map(SigningKeyMaterial::publicKey).toList();
    }

    /**
     * How long a superseded key must stay published: every instance stops signing with it within a key refresh, and
     * its last tokens live one access-token lifetime, plus the clock skew verifiers allow.
     */
    private Duration verificationGrace() {
        return properties.accessTokenTtl().plus(SigningKeys.REFRESH_INTERVAL).plus(TokenVerification.CLOCK_SKEW);
    }

    private ECKey createActive() {
        var key = SigningKeyMaterial.generate();
        var wrapped = wrapping.wrap(key.getKeyID(), SigningKeyMaterial.privateKeyBytes(key));
        if (!keys.insertActive(key.getKeyID(), key.toPublicJWK().toJSONString(), wrapped, wrapping.wrappingFingerprint(),
                Times.now())) {
            throw new IllegalStateException("Another signing key became active despite the key management lock");
        }
        return key;
    }

    private ECKey unwrap(StoredSigningKey stored) {
        return SigningKeyMaterial.withPrivateKey(SigningKeyMaterial.publicKey(stored),
                wrapping.unwrap(stored.kid(), stored.wrappedPrivateKey(), stored.masterKey()));
    }

    /**
     * Re-wraps up to {@code limit} private keys (of every state: a retired one too, so nothing is left under the old
     * master key) under the current master key; the keys themselves do not change. Returns how many.
     */
    int rewrapUnderCurrentMasterKey(int limit) {
        var batch = keys.lockWrappedUnderOtherThan(wrapping.wrappingFingerprint(), limit);
        for (var stored : batch) {
            var privateKey = wrapping.unwrap(stored.kid(), stored.wrappedPrivateKey(), stored.masterKey());
            keys.replaceWrapping(stored.kid(), wrapping.wrap(stored.kid(), privateKey), wrapping.wrappingFingerprint());
        }
        return batch.size();
    }

    @Transactional(value = "identity", readOnly = true)
    Map<String, Long> countsByMasterKey() {
        var counts = new HashMap<String, Long>();
        keys.masterKeys().forEach(fingerprint -> counts.merge(fingerprint, 1L, Long::sum));
        return counts;
    }
}
