package io.edumatrix.freelancing;

import static io.edumatrix.platform.testing.Api.created;
import static io.edumatrix.platform.testing.Api.id;
import static io.edumatrix.platform.testing.Api.ok;
import static io.edumatrix.platform.testing.Api.post;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
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
}
