package io.edumatrix.platform.remote;

import io.edumatrix.platform.domain.DomainException;
import io.edumatrix.platform.domain.ProblemType;
import io.edumatrix.platform.domain.ProblemType.Category;
import io.edumatrix.platform.web.ProblemStatus;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An owner's RFC 9457 problem turned back into the {@link DomainException} its in-process call would have thrown: the
 * same problem type (name, category, title), detail, extension members and Retry-After.
 */
final class ProblemResponses {

    private static final String TYPE_BASE = "https://edumatrix.io/problems/";

    private final JsonMapper json;

    ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    DomainException read(String module, ClientHttpResponse response) throws IOException {
        var status = response.getStatusCode();
        JsonNode body;
        try {
            body = json.readTree(response.getBody());
        } catch (RuntimeException unreadable) {
            body = null;
        }
        var category = categoryOf(status);
        if (body == null || !body.has("type")) {
            return new DomainException(new ProblemType(status.isError() && category == Category.INTERNAL
                    ? "internal-error" : "not-found", category, "Module " + module + " failed"),
                    "Module " + module + " answered " + status.value());
        }
        var type = body.get("type").asString();
        var name = type.startsWith(TYPE_BASE) ? type.substring(TYPE_BASE.length()) : type;
        var title = body.has("title") ? body.get("title").asString() : status.toString();
        var detail = body.has("detail") ? body.get("detail").asString() : null;
        var failure = new DomainException(new ProblemType(name, category, title), detail, retryAfter(response.getHeaders()));
        body.properties().forEach(member -> {
            if (!Arrays.asList("type", "title", "status", "detail", "instance").contains(member.getKey())) {
                failure.with(member.getKey(), json.treeToValue(member.getValue(), Object.class));
            }
        });
        return failure;
    }

    private static Category categoryOf(HttpStatusCode status) {
        return Arrays.stream(Category.values()).filter(c -> ProblemStatus.of(c).value() == status.value()).findFirst()
                .orElse(status.is4xxClientError() ? Category.INVALID : Category.INTERNAL);
    }

    private static Duration retryAfter(HttpHeaders headers) {
        var value = headers.getFirst(HttpHeaders.RETRY_AFTER);
        if (value == null) {
            return null;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
