package io.edumatrix.notifications.internal.delivery;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * A push service as a browser vendor runs one, in the test's JVM (the JDK's HttpServer on 127.0.0.1): it refuses a
 * request whose VAPID token does not verify (RFC 8292), and decrypts what it takes with the subscription's private key
 * (RFC 8291, the browser's side, written here with BouncyCastle's HKDF rather than the application's JDK one). Each
 * subscription is a path {@code /push/<name>}; the answers a path gives can be set in advance (410, 503, ...).
 * {@link #main} runs it on its own, to receive pushes by hand ({@code ops/dev/push-service.sh}).
 */
public final class TestPushService implements AutoCloseable {

    private static final Pattern VAPID = Pattern.compile("vapid t=([^,\\s]+),\\s*k=([A-Za-z0-9_-]+)");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What the push service took: the decrypted payload and the VAPID public key it was signed with. */
    record Received(String subscription, String plaintext, String vapidPublicKey, String ttl, String urgency) {}

    /** A browser's subscription: what it sends the application, and the secrets it keeps. */
    record Browser(String name, String endpoint, String p256dh, String auth, ECPrivateKey privateKey, byte[] authSecret,
            byte[] publicKey) {

        Map<String, Object> json() {
            return Map.of("endpoint", endpoint, "keys", Map.of("p256dh", p256dh, "auth", auth));
        }
    }

    private final HttpServer server;
    private final Map<String, Browser> browsers = new ConcurrentHashMap<>();
    private final Map<String, ConcurrentLinkedQueue<Integer>> answers = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<String> refusals = new CopyOnWriteArrayList<>();
    private final List<String> attempts = new CopyOnWriteArrayList<>();

    TestPushService() throws IOException {
        this(0);
    }

    TestPushService(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/push/", this::handle);
        server.start();
    }

    /**
     * The push service on its own, on the port {@code -Dtest-push-service.port}, with a browser subscription for each
     * name in the arguments: prints each subscription as a browser posts it to the application, then every push it
     * takes, decrypted, and every one it refuses, until stopped.
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length == 0) {
            System.err.println("Usage: TestPushService <browser name>...");
            System.exit(2);
        }
        var service = new TestPushService(Integer.getInteger("test-push-service.port", 0));
        System.out.println("Push service " + service.origin() + "; the browser subscriptions to register"
                + " (POST /api/notifications/push-subscriptions):");
        for (var name : args) {
            var browser = service.newBrowser(name);
            System.out.printf("%s: {\"endpoint\":\"%s\",\"keys\":{\"p256dh\":\"%s\",\"auth\":\"%s\"}}%n", name,
                    browser.endpoint(), browser.p256dh(), browser.auth());
        }
        var shown = 0;
        var refusalsShown = 0;
        while (true) {
            var received = service.received();
            for (; shown < received.size(); shown++) {
                var push = received.get(shown);
                System.out.println("push to " + push.subscription() + " (VAPID key " + push.vapidPublicKey() + ", TTL "
                        + push.ttl() + ", urgency " + push.urgency() + "), decrypted: " + push.plaintext());
            }
            var refusals = service.refusals();
            for (; refusalsShown < refusals.size(); refusalsShown++) {
                System.out.println("refused " + refusals.get(refusalsShown));
            }
            Thread.sleep(200);
        }
    }

    String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    Browser newBrowser(String name) {
        try {
            var generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            var publicKey = uncompressed((ECPublicKey) pair.getPublic());
            var auth = new byte[16];
            RANDOM.nextBytes(auth);
            var browser = new Browser(name, origin() + "/push/" + name, base64url(publicKey), base64url(auth),
                    (ECPrivateKey) pair.getPrivate(), auth, publicKey);
            browsers.put(name, browser);
            return browser;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The statuses the subscription's path answers with next, in order; then 201 again. */
    void answerNext(String name, Integer... statuses) {
        answers.computeIfAbsent(name, n -> new ConcurrentLinkedQueue<>()).addAll(List.of(statuses));
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<Received> receivedBy(String name) {
        return received.stream().filter(r -> r.subscription().equals(name)).toList();
    }

    /** Every request that reached a subscription's path, by name, accepted or not. */
    List<String> attempts() {
        return List.copyOf(attempts);
    }

    /** Requests refused for a bad VAPID token or a payload that did not decrypt, with why. */
    List<String> refusals() {
        return List.copyOf(refusals);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            var name = exchange.getRequestURI().getPath().substring("/push/".length());
            var body = exchange.getRequestBody().readAllBytes();
            attempts.add(name);
            var browser = browsers.get(name);
            if (browser == null || !"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            var next = answers.getOrDefault(name, new ConcurrentLinkedQueue<>()).poll();
            if (next != null) {
                exchange.sendResponseHeaders(next, -1);
                return;
            }
            var headers = exchange.getRequestHeaders();
            String vapidKey;
            String plaintext;
            try {
                vapidKey = verifyVapid(headers.getFirst("Authorization"));
                if (!"aes128gcm".equals(headers.getFirst("Content-Encoding"))) {
                    throw new GeneralSecurityException("Content-Encoding is " + headers.getFirst("Content-Encoding"));
                }
                plaintext = new String(decrypt(body, browser.privateKey(), browser.publicKey(), browser.authSecret()),
                        StandardCharsets.UTF_8);
            } catch (GeneralSecurityException | RuntimeException e) {
                refusals.add(name + ": " + e.getMessage());
                exchange.sendResponseHeaders(e instanceof GeneralSecurityException ? 403 : 400, -1);
                return;
            }
            received.add(new Received(name, plaintext, vapidKey, headers.getFirst("TTL"), headers.getFirst("Urgency")));
            exchange.getResponseHeaders().add("Location", origin() + "/message/" + received.size());
            exchange.sendResponseHeaders(201, -1);
        }
    }

    /** RFC 8292: an ES256 JWT for this origin, not expired nor valid beyond 24 h, with a contact; its key in {@code k}. */
    private String verifyVapid(String authorization) throws GeneralSecurityException {
        if (authorization == null) {
            throw new GeneralSecurityException("no Authorization header");
        }
        var matcher = VAPID.matcher(authorization);
        if (!matcher.matches()) {
            throw new GeneralSecurityException("not a vapid authorization: " + authorization);
        }
        try {
            var point = Base64.getUrlDecoder().decode(matcher.group(2));
            var key = new ECKey.Builder(Curve.P_256, Base64URL.encode(Arrays.copyOfRange(point, 1, 33)),
                    Base64URL.encode(Arrays.copyOfRange(point, 33, 65))).build();
            var jwt = SignedJWT.parse(matcher.group(1));
            if (!jwt.verify(new ECDSAVerifier(key))) {
                throw new GeneralSecurityException("the VAPID signature does not verify");
            }
            var claims = jwt.getJWTClaimsSet();
            if (!"ES256".equals(jwt.getHeader().getAlgorithm().getName())) {
                throw new GeneralSecurityException("alg " + jwt.getHeader().getAlgorithm());
            }
            if (!List.of(origin()).equals(claims.getAudience())) {
                throw new GeneralSecurityException("aud " + claims.getAudience() + " is not " + origin());
            }
            var expires = claims.getExpirationTime().toInstant();
            if (expires.isBefore(Instant.now()) || expires.isAfter(Instant.now().plusSeconds(24 * 3600))) {
                throw new GeneralSecurityException("exp " + expires + " is not within the next 24 hours");
            }
            if (claims.getSubject() == null || !claims.getSubject().matches("(mailto:|https://).+")) {
                throw new GeneralSecurityException("sub " + claims.getSubject());
            }
            return matcher.group(2);
        } catch (java.text.ParseException | com.nimbusds.jose.JOSEException e) {
            throw new GeneralSecurityException(e.getMessage(), e);
        }
    }

    /** RFC 8291 §3.4 and RFC 8188, on the user agent's side: the payload of a single-record aes128gcm body. */
    static byte[] decrypt(byte[] body, ECPrivateKey userAgentPrivate, byte[] userAgentPublic, byte[] authSecret)
            throws GeneralSecurityException {
        var buffer = ByteBuffer.wrap(body);
        var salt = new byte[16];
        buffer.get(salt);
        var recordSize = buffer.getInt();
        var keyId = new byte[buffer.get() & 0xff];
        buffer.get(keyId);
        var ciphertext = new byte[buffer.remaining()];
        buffer.get(ciphertext);
        if (ciphertext.length > recordSize) {
            throw new GeneralSecurityException("more than one record");
        }
        var agreement = KeyAgreement.getInstance("ECDH");
        agreement.init(userAgentPrivate);
        agreement.doPhase(publicKey(keyId), true);
        var ecdh = agreement.generateSecret();
        var keyInfo = ByteBuffer.allocate(14 + 65 + 65).put("WebPush: info\0".getBytes(StandardCharsets.US_ASCII))
                .put(userAgentPublic).put(keyId).array();
        var ikm = hkdf(authSecret, ecdh, keyInfo, 32);
        var key = hkdf(salt, ikm, "Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII), 16);
        var nonce = hkdf(salt, ikm, "Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII), 12);
        var cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
        var padded = cipher.doFinal(ciphertext);
        var end = padded.length - 1;
        while (end >= 0 && padded[end] == 0) {
            end--;
        }
        if (end < 0 || padded[end] != 2) {
            throw new GeneralSecurityException("the last record does not end with the delimiter 0x02");
        }
        return Arrays.copyOf(padded, end);
    }

    static ECPrivateKey privateKey(byte[] scalar) throws GeneralSecurityException {
        return (ECPrivateKey) KeyFactory.getInstance("EC")
                .generatePrivate(new ECPrivateKeySpec(new BigInteger(1, scalar), p256()));
    }

    static ECPublicKey publicKey(byte[] point) throws GeneralSecurityException {
        return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(
                new ECPoint(new BigInteger(1, Arrays.copyOfRange(point, 1, 33)),
                        new BigInteger(1, Arrays.copyOfRange(point, 33, 65))), p256()));
    }

    private static byte[] hkdf(byte[] salt, byte[] ikm, byte[] info, int length) {
        var generator = new HKDFBytesGenerator(new SHA256Digest());
        generator.init(new HKDFParameters(ikm, salt, info));
        var out = new byte[length];
        generator.generateBytes(out, 0, length);
        return out;
    }

    private static ECParameterSpec p256() throws GeneralSecurityException {
        var parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        return parameters.getParameterSpec(ECParameterSpec.class);
    }

    private static byte[] uncompressed(ECPublicKey key) {
        var bytes = ByteBuffer.allocate(65).put((byte) 4).put(fixed(key.getW().getAffineX()))
                .put(fixed(key.getW().getAffineY()));
        return bytes.array();
    }

    private static byte[] fixed(BigInteger value) {
        var bytes = value.toByteArray();
        var out = new byte[32];
        var length = Math.min(32, bytes.length);
        System.arraycopy(bytes, bytes.length - length, out, 32 - length, length);
        return out;
    }

    static String base64url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
