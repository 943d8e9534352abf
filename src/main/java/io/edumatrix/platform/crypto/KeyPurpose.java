package io.edumatrix.platform.crypto;

import com.google.crypto.tink.Parameters;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.prf.PredefinedPrfParameters;

/** What a module keyset is for; the label is its row in {@code module_keyset} and part of its associated data. */
enum KeyPurpose {

    /** AES-256-GCM keys that wrap the person keys; rotated, the newest is the primary. */
    PERSON_KEY_WRAPPING("person-key-wrapping", PredefinedAeadParameters.AES256_GCM),
    /** The HMAC-SHA256 key of the blind indexes; not rotated (see ADR 0013). */
    BLIND_INDEX("blind-index", PredefinedPrfParameters.HMAC_SHA256_PRF);

    private final String label;
    private final Parameters parameters;

    KeyPurpose(String label, Parameters parameters) {
        this.label = label;
        this.parameters = parameters;
    }

    String label() {
        return label;
    }

    Parameters parameters() {
        return parameters;
    }
}
