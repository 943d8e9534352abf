package io.edumatrix.identity.internal.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.testing.TestDatabase;
import io.edumatrix.platform.web.HttpApplicationTest;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The token signing keys: stored wrapped, published as JWKS, rotated, and the decoder that trusts only them. */
@HttpApplicationTest
@IntegrationTest
class SigningKeyTests {

    private static final String WRAPPING_KEY = "dGVzdC1vbmx5IGtleS13cmFwcGluZyBrZXkgMzJieXQ=";

    @Autowired
    private JwtEncoder encoder;
    @Autowired
    private JwtDecoder decoder;
    @Autowired
    private SigningKeys keys;
    @Autowired
    private RestTestClient http;
    @Autowired
    private KeyWrapping wrapping;

    @Test
    void a_token_signed_with_the_active_key_is_es256_names_its_kid_and_decodes_with_its_claims() {
        var token = sign(claims(Instant.now(), Duration.ofMinutes(5)));

        var decoded = decoder.decode(token.getTokenValue());

        assertThat(decoded.getHeaders()).containsEntry("alg", "ES256").containsEntry("kid", keys.activeKid());
        assertThat(decoded.getSubject()).isEqualTo(token.getSubject());
        assertThat(decoded.getClaimAsString("iss")).isEqualTo("edumatrix");
    }

    @Test
    void an_expired_token_is_rejected() {
        var token = sign(claims(Instant.now().minus(Duration.ofMinutes(30)), Duration.ofMinutes(15)));

        assertThatThrownBy(() -> decoder.decode(token.getTokenValue())).isInstanceOf(JwtException.class)
                .hasMessageContaining("expired");
    }

    @Test
    void a_token_of_another_issuer_is_rejected() {
        var claims = JwtClaimsSet.builder().issuer("someone-else").subject(UUID.randomUUID().toString())
                .claim("sid", UUID.randomUUID().toString())
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(300)).build();
        var token = sign(claims);

        assertThatThrownBy(() -> decoder.decode(token.getTokenValue())).isInstanceOf(JwtException.class)
                .hasMessageContaining("iss");
    }

    @Test
    void a_token_signed_by_a_key_not_ours_is_rejected_even_under_a_kid_of_ours() throws Exception {
        var stranger = SigningKeyMaterial.generate();
        var impostor = new ECKey.Builder(stranger).keyID(keys.activeKid()).build();

        for (var key : List.of(stranger, impostor)) {
            var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(),
                    nimbusClaims());
            jwt.sign(new ECDSASigner(key));

            assertThatThrownBy(() -> decoder.decode(jwt.serialize())).as("kid %s", key.getKeyID())
                    .isInstanceOf(JwtException.class);
        }
    }

    @Test
    void an_unsigned_alg_none_token_is_rejected() {
        var unsigned = new PlainJWT(nimbusClaims()).serialize();

        assertThatThrownBy(() -> decoder.decode(unsigned)).isInstanceOf(JwtException.class);
    }

    @Test
    void a_token_whose_claims_were_changed_after_signing_is_rejected() {
        var token = sign(claims(Instant.now(), Duration.ofMinutes(5))).getTokenValue();
        var parts = token.split("\\.");
        var payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        var tampered = payload.replace("\"sub\":\"", "\"sub\":\"f");
        assertThat(tampered).isNotEqualTo(payload);
        var forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(tampered.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        assertThatThrownBy(() -> decoder.decode(forged)).isInstanceOf(JwtException.class);
    }

    @Test
    void the_private_key_is_stored_only_wrapped_and_bound_to_its_kid() throws Exception {
        var kid = keys.activeKid();
        var privateKey = SigningKeyMaterial.privateKeyBytes(activePrivateKey());
        byte[] wrapped;
        String row;
        try (var connection = TestDatabase.get().connectAsAdmin();
                var query = connection.prepareStatement(
                        "SELECT wrapped_private_key, k::text FROM identity.signing_key k WHERE kid = ?")) {
            query.setString(1, kid);
            try (var result = query.executeQuery()) {
                assertThat(result.next()).isTrue();
                wrapped = result.getBytes(1);
                row = result.getString(2);
            }
        }

        var d = activePrivateKey().getD().toString();
        assertThat(row).doesNotContain(d, HexFormat.of().formatHex(privateKey));
        assertThat(HexFormat.of().formatHex(wrapped)).doesNotContain(HexFormat.of().formatHex(privateKey));
        assertThat(wrapping.unwrap(kid, wrapped, wrapping.wrappingFingerprint())).isEqualTo(privateKey);
        assertThatThrownBy(() -> wrapping.unwrap(UUID.randomUUID().toString(), wrapped, null))
                .hasMessageContaining("cannot be unwrapped");
    }

    @Test
    void the_app_role_finds_the_key_wrapping_key_nowhere_in_the_database() throws SQLException {
        var keyHex = HexFormat.of().formatHex(Base64.getDecoder().decode(WRAPPING_KEY));
        var seen = new ArrayList<String>();
        var database = TestDatabase.get();
        try (var connection = database.connectAs(database.rolePrefix() + "identity_app", database.appPassword())) {
            var tables = new ArrayList<String>();
            try (var result = connection.createStatement().executeQuery(
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'identity'")) {
                while (result.next()) {
                    tables.add(result.getString(1));
                }
            }
            assertThat(tables).contains("signing_key");
            for (var table : tables) {
                // Every column the app role may read (of the settings key, only some: ADR 0026).
                var columns = new ArrayList<String>();
                try (var result = connection.createStatement().executeQuery("SELECT quote_ident(column_name)"
                        + " FROM information_schema.columns WHERE table_schema = 'identity' AND table_name = '" + table
                        + "' AND has_column_privilege('identity.' || quote_ident(table_name), column_name, 'SELECT')")) {
                    while (result.next()) {
                        columns.add(result.getString(1) + "::text");
                    }
                }
                collect(connection, "SELECT concat_ws('|', " + String.join(", ", columns) + ") FROM identity." + table,
                        seen);
            }
            collect(connection, "SELECT name || '=' || setting FROM pg_settings", seen);
            collect(connection, "SELECT array_to_string(setconfig, ',') FROM pg_db_role_setting", seen);
        }

        assertThat(seen).isNotEmpty().noneMatch(text -> text.contains(WRAPPING_KEY) || text.contains(keyHex));
    }

    @Test
    void after_a_rotation_old_tokens_stay_valid_new_ones_carry_the_new_kid_and_the_jwks_publishes_both() {
        var before = sign(claims(Instant.now(), Duration.ofMinutes(5)));
        var oldKid = keys.activeKid();

        var newKid = keys.rotate().getKeyID();
        var after = sign(claims(Instant.now(), Duration.ofMinutes(5)));

        assertThat(newKid).isNotEqualTo(oldKid).isEqualTo(keys.activeKid());
        assertThat(decoder.decode(before.getTokenValue()).getHeaders()).containsEntry("kid", oldKid);
        assertThat(decoder.decode(after.getTokenValue()).getHeaders()).containsEntry("kid", newKid);
        assertThat(jwks()).extracting(key -> key.get("kid")).contains(oldKid, newKid);
    }

    @Test
    void concurrent_rotations_take_turns_and_leave_exactly_one_active_key() throws Exception {
        Callable<String> rotation = () -> keys.rotate().getKeyID();
        List<String> kids;
        try (var executor = Executors.newFixedThreadPool(2)) {
            var first = executor.submit(rotation);
            var second = executor.submit(rotation);
            kids = List.of(first.get(), second.get());
        }

        assertThat(kids).doesNotHaveDuplicates();
        try (var connection = TestDatabase.get().connectAsAdmin();
                var result = connection.createStatement().executeQuery(
                        "SELECT count(*) FROM identity.signing_key WHERE state = 'ACTIVE'")) {
            result.next();
            assertThat(result.getInt(1)).isEqualTo(1);
        }
    }

    @Test
    void the_jwks_endpoint_publishes_public_ec_p256_keys_only_with_a_cache_lifetime() {
        var response = http.get().uri("/.well-known/jwks.json").exchange()
                .expectStatus().isOk()
                .expectHeader().cacheControl(org.springframework.http.CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .expectBody(new ParameterizedTypeReference<Map<String, List<Map<String, Object>>>>() {})
                .returnResult().getResponseBody();

        assertThat(response.get("keys")).isNotEmpty().allSatisfy(key -> {
            assertThat(key).containsOnlyKeys("kid", "kty", "crv", "x", "y", "alg", "use");
            assertThat(key).containsEntry("kty", "EC").containsEntry("crv", "P-256").containsEntry("alg", "ES256")
                    .containsEntry("use", "sig");
        });
        assertThat(response.get("keys")).extracting(key -> key.get("kid")).contains(keys.activeKid());
    }

    private List<Map<String, Object>> jwks() {
        return http.get().uri("/.well-known/jwks.json").exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, List<Map<String, Object>>>>() {})
                .returnResult().getResponseBody().get("keys");
    }

    private ECKey activePrivateKey() throws Exception {
        var selected = new ArrayList<ECKey>();
        keys.signingSource().get(new com.nimbusds.jose.jwk.JWKSelector(new com.nimbusds.jose.jwk.JWKMatcher.Builder().build()), null)
                .forEach(key -> selected.add((ECKey) key));
        return selected.getFirst();
    }

    private static void collect(java.sql.Connection connection, String sql, List<String> into) throws SQLException {
        try (var result = connection.createStatement().executeQuery(sql)) {
            while (result.next()) {
                if (result.getString(1) != null) {
                    into.add(result.getString(1));
                }
            }
        }
    }

    private Jwt sign(JwtClaimsSet claims) {
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.ES256).build(), claims));
    }

    private static JwtClaimsSet claims(Instant issuedAt, Duration lifetime) {
        return JwtClaimsSet.builder().issuer("edumatrix").subject(UUID.randomUUID().toString())
                .claim("sid", UUID.randomUUID().toString())
                .issuedAt(issuedAt).expiresAt(issuedAt.plus(lifetime)).build();
    }

    private static JWTClaimsSet nimbusClaims() {
        return new JWTClaimsSet.Builder().issuer("edumatrix").subject(UUID.randomUUID().toString())
                .claim("sid", UUID.randomUUID().toString())
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(300))).build();
    }
}
