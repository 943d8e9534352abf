package io.edumatrix.platform.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Erasing an account as the platform administrator does it over HTTP: the request is accepted at once and completes
 * when every module has confirmed its part (ADR 0015), which tests wait for before they look at the data.
 */
public final class Erasures {

    /** Every module's listener runs in the background; on a busy machine the slowest confirms within this. */
    public static final Duration COMPLETION_TIMEOUT = Duration.ofSeconds(30);

    private Erasures() {}

    /** Asks for the account's erasure; the id of the accepted request. */
    public static UUID request(RestTestClient platformAdmin, UUID accountId) {
        return Api.id(Api.body(platformAdmin.post().uri("/api/accounts/{id}/erasure", accountId).exchange()
                .expectStatus().isAccepted()));
    }

    /** Asks for the account's erasure and waits until it completed; the request's id. */
    public static UUID erase(RestTestClient platformAdmin, UUID accountId) {
        var request = request(platformAdmin, accountId);
        awaitCompleted(platformAdmin, request);
        return request;
    }

    /** Polls the request until it is {@code COMPLETED}; its state then. */
    public static Map<String, Object> awaitCompleted(RestTestClient platformAdmin, Object requestId) {
        return await("erasure request " + requestId + " completed").atMost(COMPLETION_TIMEOUT)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> Api.read(platformAdmin, "/api/erasures/{id}", requestId),
                        state -> "COMPLETED".equals(state.get("status")));
    }
}
