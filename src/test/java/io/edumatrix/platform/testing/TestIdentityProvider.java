package io.edumatrix.platform.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The run's OpenID Connect provider: a minimal one in the test JVM (JDK HTTP server, Nimbus for keys and signatures)
 * serving discovery, JWKS, an authorization endpoint that logs in whoever the test names and redirects with a code, and
 * a token endpoint that answers an RS256 ID token. Every test context has it as the client registration
 * {@value #REGISTRATION} ({@link TestDatabase#applicationProperties()}); a test can make the next ID token carry a
 * wrong nonce or issuer. {@link #main} runs it on its own, to sign in by hand ({@code ops/dev/identity-provider.sh}).
 */
public final class TestIdentityProvider {

    public static final String REGISTRATION = "testidp";
    public static final String CLIENT_ID = "edumatrix-test";
    public static final String CLIENT_SECRET = "test-client-secret";
    public static final String REDIRECT_URI = "http://localhost/signed-in";

    /** Who logs in at the provider next. */
    public record Person(String subject, String email, boolean emailVerified, String name) {}

    /** What the next ID token gets wrong, on purpose. */
    public enum Tamper { NONE, WRONG_NONCE, WRONG_ISSUER, FOREIGN_KEY }

    private record Grant(Person person, String nonce, String clientId) {}

    private static final RSAKey KEY = newKey();
    private static final RSAKey FOREIGN = newKey();
    private static final Map<String, Grant> GRANTS = new ConcurrentHashMap<>();
    private static volatile Person next = new Person("nobody", null, false, null);
    private static volatile Tamper tamper = Tamper.NONE;
    private static final HttpServer SERVER = start();

    private TestIdentityProvider() {}

    public static String issuer() {
        return "http://127.0.0.1:" + SERVER.getAddress().getPort();
    }

    /** The client registration of every test context. */
    public static Map<String, Object> applicationProperties() {
        var properties = new LinkedHashMap<String, Object>();
        var registration = "spring.security.oauth2.client.registration." + REGISTRATION + ".";
        properties.put(registration + "client-id", CLIENT_ID);
        properties.put(registration + "client-secret", CLIENT_SECRET);
        properties.put(registration + "scope", "openid,email,profile");
        properties.put(registration + "authorization-grant-type", "authorization_code");
        properties.put(registration + "redirect-uri", REDIRECT_URI);
        properties.put("spring.security.oauth2.client.provider." + REGISTRATION + ".issuer-uri", issuer());
        return properties;
    }

    /** The person the authorization endpoint logs in next, and an ID token as it should be. */
    public static void nextLogin(Person person) {
        next = person;
        tamper = Tamper.NONE;
    }

    /** The next ID token (only that one) carries this mistake. */
    public static void tamperNextToken(Tamper mistake) {
        tamper = mistake;
    }

    /**
     * The provider on its own, on the port {@code -Dtest-identity-provider.port}, signing in the person the arguments
     * name (an email, which it vouches for, and a display name) at every authorization. Prints the settings that make
     * it the application's client registration {@value #REGISTRATION}, then runs until stopped.
     */
    public static void main(String[] args) throws InterruptedException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("Usage: TestIdentityProvider <email the provider vouches for> [display name]");
            System.exit(2);
        }
        nextLogin(new Person("subject-of-" + args[0], args[0], true, args.length > 1 ? args[1] : args[0]));
        var registration = "SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_TESTIDP_";
        System.out.println("OpenID Connect provider " + issuer() + ": whoever signs in at it is " + args[0]
                + " (email verified). The application's settings for it:");
        System.out.println(registration + "CLIENT_ID=" + CLIENT_ID + " " + registration + "CLIENT_SECRET=" + CLIENT_SECRET
                + " " + registration + "SCOPE=openid,email,profile " + registration + "REDIRECT_URI=" + REDIRECT_URI
                + " SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_TESTIDP_ISSUER_URI=" + issuer());
        Thread.currentThread().join();
    }

    private static HttpServer start() {
        try {
            var port = Integer.getInteger("test-identity-provider.port", 0);
            var server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            server.createContext("/.well-known/openid-configuration", exchange -> json(exchange, 200, discovery()));
            server.createContext("/jwks", exchange -> json(exchange, 200, new JWKSet(KEY.toPublicJWK()).toString()));
            server.createContext("/authorize", TestIdentityProvider::authorize);
            server.createContext("/token", TestIdentityProvider::token);
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0), "test-identity-provider-stop"));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String discovery() {
        var issuer = issuer();
        return """
                {"issuer":"%1$s","authorization_endpoint":"%1$s/authorize","token_endpoint":"%1$s/token",
                 "jwks_uri":"%1$s/jwks","response_types_supported":["code"],"subject_types_supported":["public"],
                 "id_token_signing_alg_values_supported":["RS256"],"scopes_supported":["openid","email","profile"],
                 "token_endpoint_auth_methods_supported":["client_secret_basic"]}""".formatted(issuer);
    }

    private static void authorize(HttpExchange exchange) throws IOException {
        var query = parse(exchange.getRequestURI().getRawQuery());
        var code = UUID.randomUUID().toString();
        GRANTS.put(code, new Grant(next, query.get("nonce"), query.get("client_id")));
        var location = query.get("redirect_uri") + "?code=" + code + "&state=" + query.get("state");
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private static void token(HttpExchange exchange) throws IOException {
        var form = parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        var credentials = "Basic " + Base64.getEncoder().encodeToString(
                (CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        var grant = GRANTS.remove(String.valueOf(form.get("code")));
        if (!credentials.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            json(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        if (grant == null || !"authorization_code".equals(form.get("grant_type"))) {
            json(exchange, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        var mistake = tamper;
        tamper = Tamper.NONE;
        json(exchange, 200, """
                {"access_token":"%s","token_type":"Bearer","expires_in":300,"scope":"openid email profile",
                 "id_token":"%s"}""".formatted(UUID.randomUUID(), idToken(grant, mistake)));
    }

    private static String idToken(Grant grant, Tamper mistake) {
        var now = Instant.now();
        var claims = new JWTClaimsSet.Builder()
                .issuer(mistake == Tamper.WRONG_ISSUER ? "https://impostor.invalid" : issuer())
                .subject(grant.person().subject())
                .audience(List.of(grant.clientId()))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .claim("nonce", mistake == Tamper.WRONG_NONCE ? "not-the-nonce" : grant.nonce())
                .claim("email", grant.person().email())
                .claim("email_verified", grant.person().emailVerified())
                .claim("name", grant.person().name())
                .build();
        var key = mistake == Tamper.FOREIGN_KEY ? FOREIGN : KEY;
        try {
            var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> parse(String encoded) {
        var values = new HashMap<String, String>();
        if (encoded == null) {
            return values;
        }
        for (var pair : encoded.split("&")) {
            var at = pair.indexOf('=');
            if (at > 0) {
                values.put(URLDecoder.decode(pair.substring(0, at), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(at + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private static void json(HttpExchange exchange, int status, String body) throws IOException {
        var bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
