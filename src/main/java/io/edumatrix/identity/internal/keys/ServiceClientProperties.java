package io.edumatrix.identity.internal.keys;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The processes without identity that may obtain service tokens (ADR 0035), by client name
 * ({@code edumatrix.identity.service-clients.<name>.public-key}): each proves who it is with an assertion signed by
 * its own private key, which identity checks against the public key configured here. No secret is shared.
 *
 * @param serviceClients per client name, its public key
 */
@ConfigurationProperties("edumatrix.identity")
record ServiceClientProperties(@DefaultValue Map<String, Client> serviceClients) {

    /** @param publicKey the client's EC P-256 public key in PEM ({@code -----BEGIN PUBLIC KEY-----}) */
    record Client(String publicKey) {}
}
