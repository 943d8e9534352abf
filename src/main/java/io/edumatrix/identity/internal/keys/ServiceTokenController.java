package io.edumatrix.identity.internal.keys;

import io.edumatrix.identity.internal.ServiceClientKeys;
import io.edumatrix.platform.domain.DomainException;
import io.edumatrix.platform.security.Anonymous;
import io.edumatrix.platform.web.PlatformProblems;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Service tokens for processes that do not run identity (ADR 0035): a client-credentials grant authenticated by a JWT
 * client assertion (RFC 7523, {@code private_key_jwt}) in a form body, as an OAuth token endpoint takes it. No bearer
 * token: the assertion is the credential, so the endpoint is open and {@link ClientAssertions} judges. The answer is
 * the same service token this process mints for itself, for the institution and account the assertion names.
 */
@RestController
class ServiceTokenController {

    private final ClientAssertions assertions;
    private final ServiceTokenIssuer issuer;

    ServiceTokenController(ClientAssertions assertions, ServiceTokenIssuer issuer) {
        this.assertions = assertions;
        this.issuer = issuer;
    }

    @PostMapping(path = ServiceClientKeys.ENDPOINT, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @Anonymous
    /** RFC 6749's token response: {@code access_token}, {@code token_type}, {@code expires_in} (seconds). */
    Map<String, Object> issue(@RequestParam("grant_type") String grantType,
            @RequestParam("client_assertion_type") String assertionType,
            @RequestParam("client_assertion") String assertion) {
        if (!"client_credentials".equals(grantType)) {
            throw new DomainException(PlatformProblems.INVALID_REQUEST, "grant_type must be client_credentials");
        }
        if (!ServiceClientKeys.ASSERTION_TYPE.equals(assertionType)) {
            throw new DomainException(PlatformProblems.INVALID_REQUEST,
                    "client_assertion_type must be " + ServiceClientKeys.ASSERTION_TYPE);
        }
        var now = Instant.now();
        var asserted = assertions.check(assertion, now);
        var client = UUID.nameUUIDFromBytes(("service-client:" + asserted.client()).getBytes(StandardCharsets.UTF_8));
        var token = issuer.issueFor(asserted.institution(), asserted.account(), client, now);
        return Map.of("access_token", token, "token_type", "Bearer", "expires_in",
                ServiceTokenIssuer.LIFETIME.toSeconds());
    }
}
