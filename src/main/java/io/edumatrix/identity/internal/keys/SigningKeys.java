package io.edumatrix.identity.internal.keys;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.edumatrix.platform.crypto.MasterKey;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * This instance's copy of the signing keys: the active private key that signs, and the public keys of every key not
 * retired, which verify. Requests never query the database for keys, except when a token names a kid this instance
 * has not seen (another instance rotated), at most once per {@link #UNKNOWN_KID_RELOAD_PAUSE}.
 */
@Component
class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    /** How often the keys are re-read anyway, so a rotation elsewhere reaches this instance's signing soon. */
    static final Duration REFRESH_INTERVAL = Duration.ofMinutes(1);
    private static final Duration UNKNOWN_KID_RELOAD_PAUSE = Duration.ofSeconds(1);

    private record Snapshot(ECKey signing, JWKSet published) {}

    private final SigningKeyService service;
    private final AtomicLong lastReload = new AtomicLong(System.nanoTime());
    private volatile Snapshot snapshot;

    SigningKeys(SigningKeyService service) {
        this.service = service;
        this.snapshot = load();
    }

    /** The key that signs new tokens. */
    JWKSource<SecurityContext> signingSource() {
        return (selector, context) -> selector.select(new JWKSet(snapshot.signing()));
    }

    /** The public keys that verify tokens; an unknown kid triggers a reload. */
    JWKSource<SecurityContext> verificationSource() {
        return (selector, context) -> {
            var found = selector.select(snapshot.published());
            if (found.isEmpty() && namesUnknownKid(selector) && mayReloadNow()) {
                refresh();
                found = selector.select(snapshot.published());
            }
            return found;
        };
    }

    List<JWK> published() {
        return snapshot.published().getKeys();
    }

    String activeKid() {
        return snapshot.signing().getKeyID();
    }

    ECKey rotate() {
        var key = service.rotate();
        refresh();
        return key;
    }

    @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
    void refresh() {
        try {
            snapshot = load();
        } catch (MasterKey.MasterKeyNotConfiguredException e) {
            // An instance with a newer master key re-wrapped or created the active key during a master-key rotation:
            // this one signs on with its copy, which stays published until long after the rotation ends.
            log.warn("Keeping the signing keys as loaded: {}", e.getMessage());
        }
    }

    private Snapshot load() {
        var signing = service.activeKey();
        return new Snapshot(signing, new JWKSet(List.<JWK>copyOf(service.publishedKeys())));
    }

    private boolean namesUnknownKid(JWKSelector selector) {
        var kids = selector.getMatcher().getKeyIDs();
        return kids != null && kids.stream().anyMatch(kid -> snapshot.published().getKeyByKeyId(kid) == null);
    }

    private boolean mayReloadNow() {
        var now = System.nanoTime();
        var last = lastReload.get();
        return now - last >= UNKNOWN_KID_RELOAD_PAUSE.toNanos() && lastReload.compareAndSet(last, now);
    }
}
