package io.edumatrix.freelancing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The requests the freelancing tests make again and again, as a member's client makes them. */
final class FreelancingRequests {

    private FreelancingRequests() {}

    static Map<String, Object> eur(int amountMinor) {
        return Map.of("amountMinor", amountMinor, "currency", "EUR");
    }

    static Map<String, Object> gigRequest(String title) {
        return Map.of("title", title, "description", "Description of " + title, "budgetMin", eur(10_000),
                "budgetMax", eur(50_000), "deadline", Instant.now().plus(Duration.ofDays(30)).toString());
    }

    static UUID gig(RestTestClient client, String title) {
        return id(created(post(client, "/api/freelancing/gigs", gigRequest(title))));
    }

    static UUID propose(RestTestClient client, UUID gig, int priceMinor, String message) {
        return id(created(post(client, "/api/freelancing/gigs/" + gig + "/proposals",
                Map.of("price", eur(priceMinor), "message", message))));
    }

    static RestTestClient.ResponseSpec status(RestTestClient client, String resource, Object id, String status) {
        return post(client, "/api/freelancing/" + resource + "/" + id + "/status", Map.of("status", status));
    }

    /** Accepts the proposal as the gig's client and answers the contract it opened. */
    static UUID accept(RestTestClient client, UUID proposal) {
        var accepted = ok(status(client, "proposals", proposal, "ACCEPTED"));
        return UUID.fromString((String) accepted.get("contractId"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> read(RestTestClient client, String uri) {
        return ok(client.get().uri(uri).exchange());
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> items(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("items");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> ok(RestTestClient.ResponseSpec response) {
        return response.expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> created(RestTestClient.ResponseSpec response) {
        return response.expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
    }

    static UUID id(Map<String, Object> resource) {
        return UUID.fromString((String) resource.get("id"));
    }

    static RestTestClient.ResponseSpec post(RestTestClient client, String uri, Object body) {
        return client.post().uri(uri).contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }
}
