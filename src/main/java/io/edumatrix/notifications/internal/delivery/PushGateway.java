package io.edumatrix.notifications.internal.delivery;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Sends one encrypted message to a push service (RFC 8030 §5): a POST to the subscription's endpoint with the VAPID
 * authorization. Answers what the push service said, so the caller can keep, drop or retry the subscription.
 */
@Component
@EnableConfigurationProperties(PushProperties.class)
class PushGateway {

    enum Outcome {
        /** 2xx: the push service took the message. */
        ACCEPTED,
        /** 404 or 410: the subscription is gone for good. */
        GONE,
        /** Any other 4xx: this message will never be taken (too large, refused authorization); not retried. */
        REFUSED
    }

    private final HttpClient http;
    private final VapidKeys vapid;
    private final PushProperties properties;

    PushGateway(VapidKeys vapid, PushProperties properties) {
        this.vapid = vapid;
        this.properties = properties;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Throws {@link PushServiceUnavailable} on 429, 5xx or no answer in time: the caller's delivery is retried. */
    Outcome send(URI endpoint, byte[] encryptedBody, String urgency) {
        var request = HttpRequest.newBuilder(endpoint).timeout(properties.timeout())
                .header("Authorization", vapid.authorization(endpoint))
                .header("Content-Encoding", "aes128gcm")
                .header("Content-Type", "application/octet-stream")
                .header("TTL", Long.toString(properties.ttl().toSeconds()))
                .header("Urgency", urgency)
                .POST(HttpRequest.BodyPublishers.ofByteArray(encryptedBody)).build();
        int status;
        try {
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new PushServiceUnavailable("The push service at " + endpoint.getHost() + " did not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PushServiceUnavailable("Interrupted while pushing to " + endpoint.getHost(), e);
        }
        if (status == 429 || status >= 500) {
            throw new PushServiceUnavailable("The push service at " + endpoint.getHost() + " answered " + status, null);
        }
        if (status == 404 || status == 410) {
            return Outcome.GONE;
        }
        return status >= 200 && status < 300 ? Outcome.ACCEPTED : Outcome.REFUSED;
    }

    /** A push service that is busy or failing: the delivery fails and its publication is retried. */
    static final class PushServiceUnavailable extends RuntimeException {
        PushServiceUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
