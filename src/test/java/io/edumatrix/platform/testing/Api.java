package io.edumatrix.platform.testing;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The requests and readings every HTTP test makes, as a client makes them: JSON bodies sent, JSON objects read back as
 * maps, pages' items and resources' ids picked out. Used with static imports, beside a test's own requests.
 */
public final class Api {

    private Api() {}

    /** A GET that must answer 200, its JSON object. */
    public static Map<String, Object> read(RestTestClient client, String uri, Object... uriVariables) {
        return ok(client.get().uri(uri, uriVariables).exchange());
    }

    public static RestTestClient.ResponseSpec post(RestTestClient client, String uri, Object body) {
        return client.post().uri(uri).contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }

    public static RestTestClient.ResponseSpec patch(RestTestClient client, String uri, Object body) {
        return client.patch().uri(uri).contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }

    /** The request with the body, as JSON. */
    public static RestTestClient.RequestHeadersSpec<?> json(RestTestClient.RequestBodySpec request, Object body) {
        return request.contentType(MediaType.APPLICATION_JSON).body(body);
    }

    /** The id of what the request created (201). */
    public static UUID createdId(RestTestClient.RequestHeadersSpec<?> request) {
        return id(created(request.exchange()));
    }

    /** The id of what the request, with the body as JSON, created (201). */
    public static UUID createdId(RestTestClient.RequestBodySpec request, Object body) {
        return createdId(json(request, body));
    }

    /** The response's JSON object, whatever its status. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> body(RestTestClient.ResponseSpec response) {
        return (Map<String, Object>) response.expectBody(Map.class).returnResult().getResponseBody();
    }

    /** The JSON object of a response that must be 200. */
    public static Map<String, Object> ok(RestTestClient.ResponseSpec response) {
        return body(response.expectStatus().isOk());
    }

    /** The JSON object of a response that must be 201. */
    public static Map<String, Object> created(RestTestClient.ResponseSpec response) {
        return body(response.expectStatus().isCreated());
    }

    /** The {@code id} of a resource. */
    public static UUID id(Map<?, ?> resource) {
        return UUID.fromString(String.valueOf(resource.get("id")));
    }

    /** The {@code items} of a page. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> items(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("items");
    }

    /** The {@code id}s of a page's items, as the JSON has them (strings), in order. */
    public static List<Object> ids(Map<String, Object> page) {
        return values(page, "id");
    }

    /** A field of each of a page's items, in order. */
    public static List<Object> values(Map<String, Object> page, String field) {
        return items(page).stream().<Object>map(item -> item.get(field)).toList();
    }
}
