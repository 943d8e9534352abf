package io.edumatrix.platform.crypto;

import java.util.Map;
import org.springframework.modulith.NamedInterface;

/**
 * Keys a module wraps under the {@link MasterKey} itself, outside the module keysets (identity's token signing keys).
 * The module implements this once, so that a master-key rotation re-wraps them with the keysets, reports them, and a
 * start-up refuses when some are wrapped under a key that is not configured.
 */
@NamedInterface("crypto")
public interface MasterKeyWrappedKeys {

    /** What they are, for the administration API and messages: {@code identity signing keys}. */
    String description();

    /** How many are wrapped under each master key, by fingerprint ("unknown" for those stored without one). */
    Map<String, Long> countsByMasterKey();

    /**
     * Re-wraps up to {@code limit} of those not under the current master key, in one transaction of the module, skipping
     * rows another instance has locked; returns how many.
     */
    int rewrapBatch(int limit);
}
