package io.edumatrix.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.platform.data.ApplicationLaunch;
import io.edumatrix.platform.data.FreshDatabase;
import io.edumatrix.platform.testing.Endpoints.Endpoint;
import io.edumatrix.platform.testing.Endpoints;
import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.testing.World;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import tools.jackson.databind.json.JsonMapper;

/**
 * No request, however malformed, makes the application fail: thousands of generated requests to every endpoint it
 * serves (read from its handler mappings) — broken JSON, wrong types, NUL characters and unpaired surrogates (as JSON
 * escapes and as raw bytes), unknown fields, huge strings and numbers, deeply nested arrays and objects, wrong content
 * types, odd path segments and query parameters, with no token, a valid token of each role, an expired one and
 * garbage — and none is answered with a 5xx; and, not sampled, every endpoint with every one of those authorizations.
 * Every failure is collected with the request that caused it.
 *
 * <p>jqwik runs properties outside Spring's test extension, so the application is started here, once, on a database
 * of its own, and the requests go over {@link HttpClient}.
 */
@IntegrationTest
class MalformedRequestTests {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final AtomicInteger SENT = new AtomicInteger();

    private static FreshDatabase database;
    private static ConfigurableApplicationContext application;
    private static String baseUrl;
    private static List<Endpoint> endpoints;
    /** Values of {@code Authorization}, by what they are; {@code null}: none. */
    private static Map<String, String> authorizations;
    /** Ids that exist: institutions, courses, accounts. */
    private static List<String> existingIds;

    private final List<String> failures = new ArrayList<>();
    private int sentByThisProperty;

    @BeforeContainer
    static void startTheApplicationWithAnInstitutionAndItsPeople() throws Exception {
        database = FreshDatabase.create();
        // A stream the fuzzer opens ends after a second, not after the default ten minutes.
        application = database.launch().overHttp().with("edumatrix.community.streams.timeout", "1s")
                .with("edumatrix.notifications.streams.timeout", "1s").start();
        baseUrl = ApplicationLaunch.baseUrl(application);
        endpoints = Endpoints.of(application);

        var world = World.onServer(baseUrl);
        var school = world.institution();
        var other = world.institution();
        var course = String.valueOf(school.instructor().client().post().uri("/api/courses")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("institutionId", school.id(), "code", "FUZZ1", "title", "Fuzzed"))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id"));
        var gig = String.valueOf(school.student().client().post().uri("/api/freelancing/gigs")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("title", "Fuzzed gig", "description", "Fuzzed", "deadline", "2100-01-01T00:00:00Z",
                        "budgetMin", Map.of("amountMinor", 1, "currency", "EUR"),
                        "budgetMax", Map.of("amountMinor", 2, "currency", "EUR")))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id"));
        World.enroll(school.student().client(), UUID.fromString(course));
        var feedback = String.valueOf(school.student().client().post().uri("/api/feedback")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("subjectType", "COURSE", "subjectId", course, "rating", 4, "comment", "Fuzzed well"))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id"));
        var admin = world.platformAdmin();
        var outsider = world.outsider();
        var jobs = jobPostingAndApplicationOf(school);
        var room = communityRoomOf(school.student());
        existingIds = List.of(school.id().toString(), other.id().toString(), course,
                school.admin().accountId().toString(), school.instructor().accountId().toString(),
                school.student().accountId().toString(), other.student().accountId().toString(), gig, feedback,
                room.get(0), room.get(1), newsArticleOf(school), jobs.get(0), jobs.get(1),
                notificationDeviceOf(school.student()));

        authorizations = new LinkedHashMap<>();
        authorizations.put("no token", null);
        authorizations.put("platform admin", "Bearer " + admin.accessToken());
        authorizations.put("institution admin", "Bearer " + school.admin().accessToken());
        authorizations.put("instructor", "Bearer " + school.instructor().accessToken());
        authorizations.put("student", "Bearer " + school.student().accessToken());
        authorizations.put("account of no institution", "Bearer " + outsider.accessToken());
        authorizations.put("expired token", "Bearer " + expired(school.admin().accessToken()));
        authorizations.put("token with a broken signature", "Bearer " + brokenSignature(school.admin().accessToken()));
        authorizations.put("unsigned token (alg none)", "Bearer " + unsigned(admin.accessToken()));
        authorizations.put("garbage token", "Bearer garbage");
        authorizations.put("empty bearer", "Bearer ");
        authorizations.put("basic credentials", "Basic " + Base64.getEncoder().encodeToString(
                (World.ADMIN_EMAIL + ":" + World.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }

    @AfterContainer
    static void stopTheApplication() throws Exception {
        System.out.printf("Malformed requests: %d sent to %d endpoints%n", SENT.get(), endpoints == null ? 0 : endpoints.size());
        if (application != null) {
            application.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @AfterProperty
    void noRequestWasAnsweredWithA5xx() {
        System.out.printf("  %d requests, %d answered with a 5xx or no answer%n", sentByThisProperty, failures.size());
        assertThat(failures).as("requests answered with a 5xx or not at all, out of %d", sentByThisProperty).isEmpty();
    }

    @Property(tries = 3000)
    void no_malformed_request_to_any_endpoint_is_answered_with_a_5xx(@ForAll("requests") Fuzz request) {
        send(request);
    }

    @Property(tries = 40)
    void no_huge_string_or_number_of_1_to_5_megabytes_in_a_body_is_answered_with_a_5xx(@ForAll("hugeBodies") Fuzz request) {
        send(request);
    }

    @Property(tries = 150)
    void no_deeply_nested_body_is_answered_with_a_5xx(@ForAll("deepBodies") Fuzz request) {
        send(request);
    }

    /** One request; {@code body} null for none. */
    record Fuzz(String method, String path, String query, String contentType, String accept, String who, byte[] body,
            String bodyShown) {

        @Override
        public String toString() {
            return method + " " + path + (query.isEmpty() ? "" : "?" + query) + " [" + who + "; Content-Type: "
                    + contentType + "; Accept: " + accept + "] body: " + bodyShown;
        }
    }

    /**
     * Every endpoint the application serves (the README's table, which {@code EndpointRulesTableTests} holds to the
     * handler mappings, and the actuator's), each with every authorization above (every role's token among them), in
     * two hostile shapes that no handler may act on, so that the sweep changes nothing the sampled properties use;
     * not sampled, so no pair is left out:
     * <ul>
     *   <li>control characters in query parameters (NUL, tab, U+0001, DEL): refused before anything else, whoever
     *       asks, so always exactly a 400 {@code invalid-request} naming a parameter;</li>
     *   <li>a control character in every path variable, with a body holding a NUL.</li>
     * </ul>
     */
    @Example
    void every_endpoint_with_every_authorization_refuses_control_characters_and_never_answers_a_5xx() {
        var controlsInQuery = "q=%00&after=%01&limit=%7F&institutionId=a%09b";
        for (var endpoint : endpoints) {
            var method = endpoint.method().equals("*") ? "GET" : endpoint.method();
            for (var who : authorizations.keySet()) {
                var withId = endpoint.path().replaceAll("\\{\\*?[^}]+}", existingIds.get(2));
                var response = send(new Fuzz(method, withId, controlsInQuery, "application/json", null, who,
                        "{}".getBytes(StandardCharsets.UTF_8), "{}"));
                if (response != null && !refusedParameter(response)) {
                    failures.add("not a 400 invalid-request naming a parameter: " + response.statusCode() + " for "
                            + method + " " + withId + "?" + controlsInQuery + " [" + who + "]\n    answer: "
                            + shorten(response.body(), 300));
                }
                if (!endpoint.variables().isEmpty()) {
                    send(new Fuzz(method, endpoint.path().replaceAll("\\{\\*?[^}]+}", "a%1Fb"), "", "application/json",
                            null, who, "{\"name\":\"\\u0000\"}".getBytes(StandardCharsets.UTF_8), "{\"name\":\"\\u0000\"}"));
                }
            }
        }
    }

    /**
     * Every endpoint with path variables, each variable replaced by each odd value that reaches a handler as a string
     * (blank, not an id, an overflowing number, non-ASCII, long), as the two administrators, whose tokens pass every
     * role check: not sampled, because one such value that a library refuses with an exception of its own (a blank
     * identity provider's name did) is a 500 the sampled properties find only by chance.
     */
    @Example
    void every_path_variable_with_every_odd_value_never_answers_a_5xx() {
        var oddValues = List.of("%20", "%20%20", "not-a-uuid", "null", "-1", "1e309", "%C3%BC", "%E2%80%AE", "a".repeat(300));
        for (var endpoint : endpoints) {
            if (endpoint.variables().isEmpty()) {
                continue;
            }
            var method = endpoint.method().equals("*") ? "GET" : endpoint.method();
            for (var value : oddValues) {
                var path = endpoint.path().replaceAll("\\{\\*?[^}]+}", value);
                for (var who : List.of("platform admin", "institution admin")) {
                    send(new Fuzz(method, path, "", "application/json", null, who,
                            "{}".getBytes(StandardCharsets.UTF_8), "{}"));
                }
            }
        }
    }

    private static boolean refusedParameter(HttpResponse<String> response) {
        return response.statusCode() == 400 && response.body().contains("/problems/invalid-request")
                && response.body().contains("\"field\"");
    }

    /** Sends the request and records a 5xx or no answer as a failure; the response, or null when there was none. */
    private HttpResponse<String> send(Fuzz fuzz) {
        HttpRequest request;
        try {
            var builder = HttpRequest.newBuilder(URI.create(baseUrl + fuzz.path() + (fuzz.query().isEmpty() ? "" : "?" + fuzz.query())))
                    .timeout(Duration.ofSeconds(60))
                    .method(fuzz.method(), fuzz.body() == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(fuzz.body()));
            var authorization = authorizations.get(fuzz.who());
            if (authorization != null) {
                builder.header("Authorization", authorization);
            }
            if (fuzz.contentType() != null) {
                builder.header("Content-Type", fuzz.contentType());
            }
            if (fuzz.accept() != null) {
                builder.header("Accept", fuzz.accept());
            }
            request = builder.build();
        } catch (IllegalArgumentException e) {
            throw new AssertionError("The generator made a request HttpClient cannot send: " + fuzz, e);
        }
        sentByThisProperty++;
        SENT.incrementAndGet();
        try {
            var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 500) {
                failures.add(response.statusCode() + " for " + fuzz + "\n    answer: " + shorten(response.body(), 300));
            }
            return response;
        } catch (java.io.IOException e) {
            failures.add("no answer (" + e + ") for " + fuzz);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    // ---- generators ----

    @Provide
    Arbitrary<Fuzz> requests() {
        return request(body());
    }

    @Provide
    Arbitrary<Fuzz> hugeBodies() {
        var size = Arbitraries.integers().between(1, 5).map(megabytes -> megabytes * 1024 * 1024);
        var field = Arbitraries.of("name", "code", "email", "password", "displayName", "title", "description", "refreshToken",
                "institutionId", "studentId", "role", "id", "unknown");
        var huge = Combinators.combine(size, field, Arbitraries.of("string", "number", "array", "key", "bare number"))
                .as((bytes, name, kind) -> {
                    var text = switch (kind) {
                        case "string" -> "{\"" + name + "\":\"" + "x".repeat(bytes) + "\"}";
                        case "number" -> "{\"" + name + "\":" + "9".repeat(bytes) + "}";
                        case "array" -> "{\"" + name + "\":[" + "1,".repeat(bytes / 2) + "1]}";
                        case "key" -> "{\"" + "k".repeat(bytes) + "\":1}";
                        default -> "1" + "0".repeat(bytes);
                    };
                    return Tuple.of(text.getBytes(StandardCharsets.UTF_8), kind + " of " + bytes + " bytes in " + name);
                });
        return request(huge);
    }

    @Provide
    Arbitrary<Fuzz> deepBodies() {
        var deep = Combinators.combine(Arbitraries.integers().between(100, 5000), Arbitraries.of("[", "{\"a\":", "mixed"),
                        Arbitraries.of("name", "institutionId", "role", "top"))
                .as((depth, kind, field) -> {
                    var open = new StringBuilder();
                    var close = new StringBuilder();
                    for (int i = 0; i < depth; i++) {
                        var array = kind.equals("[") || kind.equals("mixed") && i % 2 == 0;
                        open.append(array ? "[" : "{\"a\":");
                        close.insert(0, array ? "]" : "}");
                    }
                    var nested = open + "1" + close;
                    var text = field.equals("top") ? nested : "{\"" + field + "\":" + nested + "}";
                    return Tuple.of(text.getBytes(StandardCharsets.UTF_8), kind + " nested " + depth + " deep in " + field);
                });
        return request(deep);
    }

    private Arbitrary<Fuzz> request(Arbitrary<Tuple.Tuple2<byte[], String>> bodies) {
        var target = Combinators.combine(Arbitraries.of(endpoints), methodChange(), pathVariable(),
                pathOddity()).as((endpoint, otherMethod, variable, oddity) -> {
                    var method = otherMethod == null ? endpoint.method() : otherMethod;
                    var path = endpoint.path().replaceAll("\\{\\*[^}]+}", variable).replaceAll("\\{[^}]+}", variable);
                    return Tuple.of(method, oddity.isEmpty() ? path : oddity.startsWith("+") ? path + oddity.substring(1) : oddity);
                });
        return Combinators.combine(target, query(), contentType(), accept(), Arbitraries.of(authorizations.keySet()),
                        bodies.injectNull(0.05))
                .as((methodAndPath, query, contentType, accept, who, body) -> new Fuzz(methodAndPath.get1(),
                        methodAndPath.get2(), query, contentType, accept, who, body == null ? null : body.get1(),
                        body == null ? "(none)" : body.get2()));
    }

    /** Mostly the endpoint's own method; sometimes another. */
    private static Arbitrary<String> methodChange() {
        return Arbitraries.frequencyOf(Tuple.of(9, Arbitraries.just((String) null)),
                Tuple.of(1, Arbitraries.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD", "TRACE")));
    }

    private static Arbitrary<String> pathVariable() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(existingIds)),
                Tuple.of(3, Arbitraries.create(() -> UUID.randomUUID().toString())),
                Tuple.of(4, Arbitraries.of("%00", "%ff%fe", "..", "..%2f..%2f", "%2e%2e", "%2f", "%5c", ";x=1",
                        "not-a-uuid", "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff", "-1",
                        "1e309", "null", "%20", "%C3%BC", "%F0%9F%92%A5", "%ED%A0%80", "%C0%AE", "a".repeat(5000),
                        existingIds.getFirst() + "%00", existingIds.getFirst().toUpperCase(), "%E2%80%AE")));
    }

    /** Mostly nothing; sometimes a suffix ({@code +…}) or a path of its own. */
    private static Arbitrary<String> pathOddity() {
        return Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just("")),
                Tuple.of(2, Arbitraries.of("+/", "+/%00", "+/..", "+/%ff%fe", "+//", "+/x/y/z", "+;matrix=1", "+%00",
                        "+/" + "x".repeat(8000), "/api/nope", "/api/courses/../institutions", "/api/%ff%fe",
                        "/%2e%2e/%2e%2e/etc/passwd", "/api/courses//enrollments", "/api/courses/%C3%BC%F0%9F%92%A5",
                        "/api;x=1/courses", "/%ff%fe")));
    }

    private static Arbitrary<String> query() {
        return Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just("")),
                Tuple.of(6, Arbitraries.of("after=%ff%fe", "limit=-1", "limit=abc", "limit=0", "limit=101",
                        "limit=99999999999999999999", "limit=1&limit=2", "limit=", "after=", "after=not-a-uuid",
                        "after=%00", "institutionId=%ff%fe", "institutionId=x&institutionId=y", "institutionId=",
                        "%ff=1", "=", "&&&", "a=%ED%A0%80", "limit=1e3", "limit=%20", "after=" + UUID.randomUUID(),
                        "institutionId=" + existingIds.get(1), "x=" + "y".repeat(6000), "limit=2&after=%C3%28")));
    }

    private static Arbitrary<String> contentType() {
        return Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just("application/json")),
                Tuple.of(4, Arbitraries.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                        "multipart/form-data; boundary=x", "application/json; charset=nonexistent",
                        "application/json; charset=UTF-16", "application/json; charset=ISO-8859-1", "garbage/;;;", "*/*",
                        "application/merge-patch+json", "application/problem+json", ";", "application/json; boundary")),
                Tuple.of(1, Arbitraries.just((String) null)));
    }

    private static Arbitrary<String> accept() {
        return Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just((String) null)),
                Tuple.of(2, Arbitraries.of("*/*", "application/json", "application/xml", "text/html", "garbage",
                        "application/json;q=abc", "image/png")));
    }

    /** A body: broken JSON, wrong types, raw bytes or specials, each with how the failure message shows it. */
    private static Arbitrary<Tuple.Tuple2<byte[], String>> body() {
        Arbitrary<String> json = Arbitraries.frequencyOf(
                Tuple.of(5, object()),
                Tuple.of(2, Arbitraries.of("{", "}", "{\"name\": \"x\"", "[1,2", "{\"a\":}", "'single'", "{\"name\":\"x\",}",
                        "NaN", "{\"name\" \"x\"}", "{\"name\":\"x\"}}", "\"unterminated", "{\"\\u12\":1}", "{\"a\":\"\\x\"}",
                        "{/* comment */}", "{\"name\":01}", "[]]", "\uFEFF{}", "{\"name\":\"x\"} trailing")),
                Tuple.of(2, Arbitraries.of("", "null", "\"\"", "[]", "{}", "0", "true", "[null]", "[{}]", " ", "\"\\u0000\"",
                        "\"\\ud800\"")));
        Arbitrary<Tuple.Tuple2<byte[], String>> text = json.map(s -> Tuple.of(s.getBytes(StandardCharsets.UTF_8), shorten(s, 200)));
        Arbitrary<Tuple.Tuple2<byte[], String>> raw = Combinators.combine(Arbitraries.of("name", "email", "title", "code",
                        "password", "refreshToken", "institutionId"),
                Arbitraries.of(bytes(0xED, 0xA0, 0x80), bytes(0xFF, 0xFE), bytes(0x00), bytes(0xC0, 0xAF), bytes(0xF4, 0x90, 0x80, 0x80),
                        bytes(0xE2, 0x82), bytes(0xEF, 0xBF, 0xBF)))
                .as((field, bad) -> {
                    var out = new ByteArrayOutputStream();
                    out.writeBytes(("{\"" + field + "\":\"a").getBytes(StandardCharsets.UTF_8));
                    out.writeBytes(bad);
                    out.writeBytes("b\"}".getBytes(StandardCharsets.UTF_8));
                    return Tuple.of(out.toByteArray(), "{\"" + field + "\":\"a<raw bytes " + hex(bad) + ">b\"}");
                });
        Arbitrary<Tuple.Tuple2<byte[], String>> utf16 = object().map(s -> Tuple.of(s.getBytes(StandardCharsets.UTF_16),
                "UTF-16 of " + shorten(s, 200)));
        return Arbitraries.frequencyOf(Tuple.of(8, text), Tuple.of(2, raw), Tuple.of(1, utf16));
    }

    /** A JSON object of known and unknown fields, with values of every type, some valid, some hostile. */
    private static Arbitrary<String> object() {
        var names = Arbitraries.of("name", "code", "email", "password", "displayName", "title", "description", "refreshToken",
                "institutionId", "studentId", "role", "id", "unknown", "", "__proto__", "a\\u0000b", "\\ud800", "name");
        var values = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of("\"\\u0000\"", "\"\\ud800\"", "\"a\\ud800b\"", "\"\\udfff\"", "\"\\u0000abc\"",
                        "\"x\\ud83d\"", "\"\\ud83d\\ude00\"", "\"\\\\\"", "\"💥\"", "\"\"", "\"   \"", "\"not-a-uuid\"",
                        "\"" + World.ADMIN_EMAIL + "\"", "\"fuzz@edumatrix.test\"", "\"INSTITUTION_ADMIN\"",
                        "\"PLATFORM_ADMIN\"", "\"student\"", "\"STUDENT\"", "\"VALID-CODE\"", "\"a b\"")),
                Tuple.of(2, Arbitraries.of("123", "-1", "1e309", "-0", "1.5", "99999999999999999999999999", "0x1F", "true",
                        "false", "null", "[]", "{}", "[1,\"a\",null]", "{\"nested\":{\"x\":1}}", "-1e-400", "1E+2")),
                Tuple.of(2, Arbitraries.of(existingIds).map(id -> "\"" + id + "\"")),
                Tuple.of(1, Arbitraries.create(() -> "\"" + UUID.randomUUID() + "\"")),
                Tuple.of(1, Arbitraries.strings().alpha().numeric().ofMaxLength(300).map(s -> "\"" + s + "\"")));
        var field = Combinators.combine(names, values).as((name, value) -> "\"" + name + "\":" + value);
        return field.list().ofMaxSize(7).map(fields -> "{" + String.join(",", fields) + "}");
    }

    // ---- tokens ----

    /** A token of the same claims, properly signed by the application's own keys, that expired an hour ago. */
    private static String expired(String valid) {
        var claims = JsonMapper.builder().build().readValue(Base64.getUrlDecoder().decode(valid.split("\\.")[1]), Map.class);
        var now = Instant.now();
        var set = JwtClaimsSet.builder().claims(c -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> copied = claims;
            copied.forEach((name, value) -> c.put(String.valueOf(name), value));
        }).issuedAt(now.minus(Duration.ofHours(2))).notBefore(now.minus(Duration.ofHours(2)))
                .expiresAt(now.minus(Duration.ofHours(1))).build();
        return application.getBean(JwtEncoder.class)
                .encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.ES256).build(), set)).getTokenValue();
    }

    private static String brokenSignature(String valid) {
        var signature = valid.substring(valid.lastIndexOf('.') + 1);
        var flipped = (signature.charAt(0) == 'A' ? 'B' : 'A') + signature.substring(1);
        return valid.substring(0, valid.lastIndexOf('.') + 1) + flipped;
    }

    private static String unsigned(String valid) {
        var header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
        return header + "." + valid.split("\\.")[1] + ".";
    }

    private static byte[] bytes(int... values) {
        var bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    private static String hex(byte[] bytes) {
        var out = new StringBuilder();
        for (var b : bytes) {
            out.append(String.format("%02X", b & 0xFF));
        }
        return out.toString();
    }

    private static String shorten(String text, int length) {
        var shown = text.replace("\u0000", "\\0");
        return shown.length() <= length ? shown : shown.substring(0, length) + "… (" + text.length() + " chars)";
    }

    /** A public room of the student with a message in it: their ids. */
    private static List<String> communityRoomOf(World.Person owner) {
        var room = String.valueOf(owner.client().post().uri("/api/community/rooms").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", "Fuzzed room", "visibility", "PUBLIC")).exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id"));
        var message = String.valueOf(owner.client().post().uri("/api/community/rooms/{id}/messages", room)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("body", "Fuzz me")).exchange().expectStatus()
                .isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id"));
        return List.of(room, message);
    }

    /** A draft news article of the institution's instructor, for ids that exist. */
    private static String newsArticleOf(World.Institution institution) {
        return String.valueOf(institution.instructor().client().post().uri("/api/news/articles")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("title", "Fuzzed", "body", "Fuzzed news"))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id"));
    }

    /** An open job posting of the institution's instructor and its student's application to it: their ids. */
    private static List<String> jobPostingAndApplicationOf(World.Institution institution) {
        var posting = String.valueOf(institution.instructor().client().post().uri("/api/jobs")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("title", "Fuzzed job", "description", "Fuzzed",
                        "location", "Here", "employmentType", "CONTRACT", "closesAt",
                        java.time.Instant.now().plusSeconds(86_400).toString()))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id"));
        institution.instructor().client().post().uri("/api/jobs/{id}/status", posting)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("status", "OPEN")).exchange().expectStatus().isOk();
        var application = String.valueOf(institution.student().client().post().uri("/api/jobs/{id}/applications", posting)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("coverLetter", "Fuzz me")).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id"));
        return List.of(posting, application);
    }

    /** A device the student registered for notifications, for an id that exists. */
    private static String notificationDeviceOf(World.Person student) {
        return String.valueOf(student.client().post().uri("/api/notifications/devices")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("token", "fuzzed-device", "platform", "WEB"))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id"));
    }
}
