package io.edumatrix.identity.remote;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.edumatrix.identity.internal.IdentityProperties;
import io.edumatrix.identity.internal.ServiceClientKeys;
import io.edumatrix.platform.Ids;
import io.edumatrix.platform.data.ModuleStartupException;
import io.edumatrix.platform.domain.DomainException;
import io.edumatrix.platform.remote.ServiceTokens;
import io.edumatrix.platform.security.TokenClaims;
import io.edumatrix.platform.tenancy.TenantContext;
import io.edumatrix.platform.web.PlatformProblems;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * This process's service tokens while identity runs elsewhere (ADR 0035): for each tenant context (institution and
 * acting account) it signs a client assertion with its own EC key ({@code edumatrix.service-client.private-key}, its
 * name {@code edumatrix.service-client.name}), lasting 30 seconds, and trades it at identity's {@link
 * ServiceClientKeys#ENDPOINT} for a service token, which it reuses until 30 seconds before it expires. Identity knows
 * only the public key: no secret is shared. Identity unreachable or refusing is the 503 {@code service-unavailable} of
 * the call that needed the token, and a log line says why.
 */
@Component
class RemoteServiceTokens implements ServiceTokens {

    private static final Logger log = LoggerFactory.getLogger(RemoteServiceTokens.class);
    private static final Duration ASSERTION_LIFETIME = Duration.ofSeconds(30);
    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(30);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private record Issued(String token, Instant renewAt) {}

    private final String client;
    private final ECDSASigner signer;
    private final String audience;
    private final URI endpoint;
    private final Duration timeout;
    private final HttpClient http;
    private final JsonMapper json;
    private final Map<List<Optional<UUID>>, Issued> issued = new ConcurrentHashMap<>();

    RemoteServiceTokens(@Value("${edumatrix.service-client.name:}") String client,
            @Value("${edumatrix.service-client.private-key:}") String privateKey,
            @Value("${edumatrix.remote.identity.url}") URI identity, IdentityProperties properties,
            @Value("${edumatrix.remote.identity.connect-timeout:2s}") Duration connectTimeout,
            @Value("${edumatrix.remote.identity.read-timeout:5s}") Duration readTimeout, JsonMapper json) {
        if (client.isBlank()) {
            throw new ModuleStartupException("edumatrix.service-client.name is not set: a process without identity "
                    + "needs a client name and key to obtain service tokens", "Set edumatrix.service-client.name and "
                    + "edumatrix.service-client.private-key, and the public key at identity's "
                    + "edumatrix.identity.service-clients.<name>.public-key");
        }
        this.client = client;
        try {
            this.signer = new ECDSASigner(
                    ServiceClientKeys.privateKey(privateKey, "edumatrix.service-client.private-key"));
        } catch (JOSEException e) {
            throw new ModuleStartupException("edumatrix.service-client.private-key is not a P-256 key",
                    "Set edumatrix.service-client.private-key to the PEM of an EC P-256 private key", e);
        }
        this.audience = properties.issuer();
        this.endpoint = identity.resolve(ServiceClientKeys.ENDPOINT);
        this.timeout = readTimeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout).build();
        this.json = json;
    }

    @Override
    public String current() {
        var context = TenantContext.current();
        var key = List.of(context.institutionId(), context.accountId());
        var now = Instant.now();
        var known = issued.get(key);
        if (known != null && known.renewAt().isAfter(now)) {
            return known.token();
        }
        var fresh = obtain(context, now);
        issued.put(key, fresh);
        return fresh.token();
    }

    private Issued obtain(TenantContext context, Instant now) {
        var form = "grant_type=client_credentials&client_assertion_type="
                + URLEncoder.encode(ServiceClientKeys.ASSERTION_TYPE, StandardCharsets.UTF_8)
                + "&client_assertion=" + assertion(context, now);
        var request = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                log.error("Identity refused a service token to client {}: {} {}", client, response.statusCode(),
                        response.body());
                throw unavailable(null);
            }
            var answer = json.readTree(response.body());
            var expiresIn = Duration.ofSeconds(answer.path("expires_in").asLong());
            return new Issued(answer.path("access_token").asString(), now.plus(expiresIn).minus(RENEW_BEFORE_EXPIRY));
        } catch (IOException e) {
            throw unavailable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(e);
        }
    }

    private String assertion(TenantContext context, Instant now) {
        var claims = new JWTClaimsSet.Builder()
                .issuer(client)
                .subject(client)
                .audience(audience)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ASSERTION_LIFETIME)))
                .jwtID(Ids.next().toString());
        context.institutionId().ifPresent(id -> claims.claim(TokenClaims.INSTITUTION, id.toString()));
        context.accountId().ifPresent(id -> claims.claim(ServiceClientKeys.ACCOUNT, id.toString()));
        var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(JOSEObjectType.JWT).build(),
                claims.build());
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a client assertion", e);
        }
        return jwt.serialize();
    }

    private static DomainException unavailable(Throwable cause) {
        var failure = new DomainException(PlatformProblems.SERVICE_UNAVAILABLE,
                "Module identity cannot issue a service token for now", RETRY_AFTER);
        if (cause != null) {
            failure.initCause(cause);
        }
        return failure;
    }
}
