package io.edumatrix.platform.remote;

import io.edumatrix.platform.domain.DomainException;
import io.edumatrix.platform.tenancy.TenantContext;
import io.edumatrix.platform.web.PlatformProblems;
import java.io.IOException;
import java.util.Set;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Every call to a module in another process: with this process's service token and the request id, and, for an
 * idempotent call (GET), tried again with backoff when no answer came or the owner answered 502, 503 or 504. A module
 * that cannot be reached becomes the 503 {@code service-unavailable} with Retry-After that the in-process call would
 * give for its own database: the caller's other work is unaffected.
 */
final class RemoteCalls implements ClientHttpRequestInterceptor {

    private static final Set<Integer> RETRIED_STATUSES = Set.of(502, 503, 504);
    private static final String REQUEST_ID_HEADER = "X-Request-Id";

    private final String module;
    private final RemoteProperties.Remote settings;
    private final ServiceTokens tokens;
    private final RetryTemplate retries;

    RemoteCalls(String module, RemoteProperties.Remote settings, ServiceTokens tokens) {
        this.module = module;
        this.settings = settings;
        this.tokens = tokens;
        this.retries = new RetryTemplate(RetryPolicy.builder()
                .maxRetries(settings.maxAttempts() - 1)
                .delay(settings.retryDelay())
                .multiplier(2)
                .includes(IOException.class, Unanswered.class)
                .build());
    }

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        request.getHeaders().setBearerAuth(tokens.current());
        TenantContext.current().requestId().ifPresent(id -> request.getHeaders().set(REQUEST_ID_HEADER, id));
        if (!HttpMethod.GET.equals(request.getMethod())) {
            return once(request, body, execution);
        }
        try {
            return retries.execute(() -> answered(execution.execute(request, body)));
        } catch (RetryException exhausted) {
            if (exhausted.getLastException() instanceof Unanswered unanswered) {
                return unanswered.response;
            }
            throw unavailable(exhausted.getLastException());
        }
    }

    private ClientHttpResponse once(HttpRequest request, byte[] body, ClientHttpRequestExecution execution) {
        try {
            return execution.execute(request, body);
        } catch (IOException e) {
            throw unavailable(e);
        }
    }

    private static ClientHttpResponse answered(ClientHttpResponse response) throws IOException {
        if (RETRIED_STATUSES.contains(response.getStatusCode().value())) {
            throw new Unanswered(response);
        }
        return response;
    }

    private DomainException unavailable(Throwable cause) {
        var failure = new DomainException(PlatformProblems.SERVICE_UNAVAILABLE,
                "Module " + module + " cannot be reached for now", settings.retryAfter());
        failure.initCause(cause);
        return failure;
    }

    /** The owner answered, but with a status worth another attempt; the last such answer is passed on as it is. */
    private static final class Unanswered extends RuntimeException {

        private final transient ClientHttpResponse response;

        Unanswered(ClientHttpResponse response) {
            super("answered " + safeStatus(response), null, false, false);
            this.response = response;
        }

        private static String safeStatus(ClientHttpResponse response) {
            try {
                return String.valueOf(response.getStatusCode().value());
            } catch (IOException e) {
                return "?";
            }
        }
    }

}
