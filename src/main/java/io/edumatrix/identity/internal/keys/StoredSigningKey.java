package io.edumatrix.identity.internal.keys;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A row of {@code signing_key}: the public JWK as JSON text and the private key as wrapped by {@link KeyWrapping}, with
 * the fingerprint of the master key that wrapped it (null if wrapped before fingerprints were recorded).
 */
@Table("signing_key")
record StoredSigningKey(@Id String kid, String publicJwk, byte[] wrappedPrivateKey, State state, Instant createdAt,
        Instant supersededAt, Instant retiredAt, String masterKey) {

    /** ACTIVE signs new tokens; SUPERSEDED only verifies; RETIRED is neither published nor trusted. */
    enum State {
        ACTIVE,
        SUPERSEDED,
        RETIRED
    }
}
