package io.edumatrix.identity.internal.keys;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.edumatrix.architecture.ConfiguredModules;
import io.edumatrix.platform.data.ApplicationLaunch;
import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.testing.ServiceClientKeyPair;
import io.edumatrix.platform.testing.World;
import io.edumatrix.platform.web.HttpApplicationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Identity's token endpoint for processes without identity (ADR 0035): a good client assertion gets a service token that
 * the internal bindings take; a forged one, one of an unknown client, an expired or too long-lived one, one used twice
 * and one for another audience are each the 401 problem {@code invalid-client-assertion}, never a 5xx. A client key
 * that does not parse stops the start, naming its setting.
 */
@HttpApplicationTest
@IntegrationTest
class ServiceTokenEndpointTests {

    private static final String ENDPOINT = "/internal/v1/identity/service-tokens";
    private static final ServiceClientKeyPair CLIENT = ServiceClientKeyPair.generate();

    @DynamicPropertySource
    static void trustTheClient(DynamicPropertyRegistry registry) {
        registry.add("edumatrix.identity.service-clients.process-b.public-key", CLIENT::publicPem);
    }

    @Autowired
    private RestTestClient http;

    /** The claims of a good assertion of process-b, issued now, for the given institution. */
    private static JWTClaimsSet.Builder claims(UUID institution) {
        var now = Instant.now();
        return new JWTClaimsSet.Builder().issuer("process-b").subject("process-b").audience("edumatrix")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(30)))
                .jwtID(UUID.randomUUID().toString()).claim("institution_id", institution.toString());
    }

    private static String signed(JWTClaimsSet.Builder claims, ServiceClientKeyPair key) throws Exception {
        var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(JOSEObjectType.JWT).build(),
                claims.build());
        jwt.sign(new ECDSASigner(key.privateKey()));
        return jwt.serialize();
    }

    private RestTestClient.ResponseSpec exchange(String assertion) {
        var form = new LinkedMultiValueMap<String, String>();
        form.add("grant_type", "client_credentials");
        form.add("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
        form.add("client_assertion", assertion);
        return http.post().uri(ENDPOINT).contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form).exchange();
    }

    private void assertRefused(String assertion) {
        exchange(assertion).expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://edumatrix.io/problems/invalid-client-assertion");
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_good_assertion_gets_a_service_token_the_internal_bindings_take_for_the_institution_it_names()
            throws Exception {
        var school = new World(http).institution();
        var answer = exchange(signed(claims(school.id()), CLIENT)).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(answer).containsEntry("token_type", "Bearer").containsEntry("expires_in", 120);

        var service = http.mutate().defaultHeader("Authorization", "Bearer " + answer.get("access_token")).build();
        var name = service.get().uri("/internal/v1/identity/accounts/{id}/display-name", school.student().accountId())
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(name).containsKey("displayName");
        // A service token is not a person's: the public API that needs a person refuses it.
        service.get().uri("/api/accounts/me").exchange().expectStatus().value(status -> assertThat(status)
                .isIn(HttpStatus.FORBIDDEN.value(), HttpStatus.UNAUTHORIZED.value(), HttpStatus.NOT_FOUND.value()));
    }

    @Test
    void an_assertion_signed_by_another_key_is_refused() throws Exception {
        assertRefused(signed(claims(UUID.randomUUID()), ServiceClientKeyPair.generate()));
    }

    @Test
    void an_assertion_of_a_client_identity_does_not_know_is_refused() throws Exception {
        assertRefused(signed(claims(UUID.randomUUID()).issuer("process-x").subject("process-x"), CLIENT));
    }

    @Test
    void an_expired_assertion_is_refused() throws Exception {
        var then = Instant.now().minus(Duration.ofMinutes(5));
        assertRefused(signed(claims(UUID.randomUUID()).issueTime(Date.from(then))
                .expirationTime(Date.from(then.plusSeconds(30))), CLIENT));
    }

    @Test
    void an_assertion_that_lives_longer_than_a_minute_is_refused() throws Exception {
        assertRefused(signed(claims(UUID.randomUUID())
                .expirationTime(Date.from(Instant.now().plus(Duration.ofMinutes(10)))), CLIENT));
    }

    @Test
    void an_assertion_used_a_second_time_is_refused() throws Exception {
        var assertion = signed(claims(UUID.randomUUID()), CLIENT);
        exchange(assertion).expectStatus().isOk();
        assertRefused(assertion);
    }

    @Test
    void an_assertion_for_another_audience_is_refused() throws Exception {
        assertRefused(signed(claims(UUID.randomUUID()).audience("https://elsewhere.example"), CLIENT));
    }

    @Test
    void what_is_no_signed_jwt_is_refused_and_a_form_without_an_assertion_is_a_400() {
        assertRefused("not.a.jwt");
        http.post().uri(ENDPOINT).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(new LinkedMultiValueMap<>(Map.of("grant_type", List.of("client_credentials"))))
                .exchange().expectStatus().isBadRequest();
    }

    @Test
    void a_client_key_that_does_not_parse_stops_the_start_naming_its_setting() {
        var refusal = ApplicationLaunch.onTestDatabase()
                .with("edumatrix.identity.service-clients.broken.public-key",
                        "-----BEGIN PUBLIC KEY-----AAAA-----END PUBLIC KEY-----")
                .refusal();
        assertThat(refusal.getMessage()).isEqualTo("edumatrix.identity.service-clients.broken.public-key is not an "
                + "EC public key (-----BEGIN PUBLIC KEY-----)");
    }

    @Test
    void a_process_without_identity_whose_own_key_does_not_parse_does_not_start_naming_the_setting() {
        var launch = ApplicationLaunch.onTestDatabase().with("edumatrix.modules", "notifications")
                .with("edumatrix.service-client.name", "process-b")
                .with("edumatrix.service-client.private-key",
                        "-----BEGIN PRIVATE KEY-----AAAA-----END PRIVATE KEY-----");
        ConfiguredModules.names().stream().filter(m -> !m.equals("notifications"))
                .forEach(m -> launch.with("edumatrix.remote." + m + ".url", "http://127.0.0.1:1"));
        assertThat(launch.refusal().getMessage()).isEqualTo("edumatrix.service-client.private-key is not an EC P-256 "
                + "private key in PKCS#8 (-----BEGIN PRIVATE KEY-----)");
    }
}
