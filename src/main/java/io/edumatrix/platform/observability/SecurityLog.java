package io.edumatrix.platform.observability;

import io.edumatrix.platform.tenancy.TenantContext;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@value #CATEGORY} log category: one line per security event, its message a JSON object with always the same
 * keys ({@code event}, {@code module}, {@code account}, {@code institution}, {@code source}, {@code requestId}, null
 * when unknown) plus the event's own. The same fields go along as SLF4J key-value pairs, so Boot's structured logging
 * ({@code logging.structured.format.console}) makes each a field of its own as well.
 */
final class SecurityLog {

    static final String CATEGORY = "edumatrix.security";

    private static final Logger log = LoggerFactory.getLogger(CATEGORY);

    private final JsonMapper json;

    SecurityLog(JsonMapper json) {
        this.json = json;
    }

    void write(Line line) {
        var event = log.atInfo();
        line.fields.forEach((key, value) -> {
            if (value != null) {
                event.addKeyValue(key, value);
            }
        });
        event.log(json.writeValueAsString(line.fields));
    }

    /** One event's fields; who and where default to the current request's tenant context. */
    static final class Line {

        private final Map<String, @Nullable Object> fields = new LinkedHashMap<>();

        private Line() {}

        static Line of(String event, String module, @Nullable UUID account) {
            var context = TenantContext.current();
            var line = new Line();
            line.fields.put("time", Instant.now().toString());
            line.fields.put("event", event);
            line.fields.put("module", module);
            line.fields.put("account", account != null ? account.toString() : context.accountId().map(UUID::toString).orElse(null));
            line.fields.put("institution", context.institutionId().map(UUID::toString).orElse(null));
            line.fields.put("source", null);
            line.fields.put("requestId", context.requestId().orElse(null));
            return line;
        }

        Line with(String key, String value) {
            fields.put(key, value);
            return this;
        }

        Line withInstitution(@Nullable UUID institution) {
            if (institution != null) {
                fields.put("institution", institution.toString());
            }
            return this;
        }

        Line withRequestId(@Nullable String requestId) {
            if (requestId != null) {
                fields.put("requestId", requestId);
            }
            return this;
        }

        Line from(Optional<HttpServletRequest> request) {
            request.ifPresent(r -> fields.put("source", r.getRemoteAddr()));
            return this;
        }
    }
}
