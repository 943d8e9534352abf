package io.edumatrix.identity.internal.keys;

import io.edumatrix.platform.crypto.MasterKeyWrappedKeys;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Identity's signing keys in the platform's master-key rotation: counted by master key, and re-wrapped with the rest. */
@Component
class SigningKeysUnderMasterKey implements MasterKeyWrappedKeys {

    private final SigningKeyService service;

    SigningKeysUnderMasterKey(SigningKeyService service) {
        this.service = service;
    }

    @Override
    public String description() {
        return "identity signing keys";
    }

    @Override
    public Map<String, Long> countsByMasterKey() {
        return service.countsByMasterKey();
    }

    @Override
    public int rewrapBatch(int limit) {
        return service.rewrapUnderCurrentMasterKey(limit);
    }
}
