package io.edumatrix.platform.observability;

import io.edumatrix.platform.domain.DomainException;
import io.edumatrix.platform.security.InstitutionScope;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.transaction.TransactionTimedOutException;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * What a finished request's answer says about the service, counted per module of the route: a database outage
 * answered 503 ({@code edumatrix.database.outages}), a statement or transaction that ran out of time
 * ({@code edumatrix.transactions.timeouts}, tagged {@code kind}), and a refusal, which is a security event: 401 or
 * 403 by the filter chain or an access rule, and the 404 that answers a request naming another tenant's institution
 * (ADR 0012). A 404 for another tenant's row that row-level security hid is indistinguishable from a missing one, by
 * design, and is not counted. Reads the HTTP observation as it stops, after the security filters and the problem handler have answered.
 */
final class RequestOutcomes implements ObservationHandler<ServerRequestObservationContext> {

    static final String OUTAGES = "edumatrix.database.outages";
    static final String TIMEOUTS = "edumatrix.transactions.timeouts";

    /** query_canceled: PostgreSQL cancelled a statement that passed statement_timeout. */
    private static final String QUERY_CANCELED = "57014";

    private static final String REQUEST_ID_HEADER = "X-Request-Id";

    private final MeterRegistry registry;
    private final RequestModules modules;
    private final SecurityEvents security;

    /** Registers every module's outage and timeout counters at once, so a scrape shows them before the first. */
    RequestOutcomes(MeterRegistry registry, List<String> modules, SecurityEvents security) {
        this.registry = registry;
        this.modules = new RequestModules(modules);
        this.security = security;
        for (var module : modules) {
            outages(module);
            timeouts(module, "statement");
            timeouts(module, "transaction");
        }
    }

    @Override
    public boolean supportsContext(Observation.Context context) {
        return context instanceof ServerRequestObservationContext;
    }

    @Override
    public void onStop(ServerRequestObservationContext context) {
        var request = context.getCarrier();
        var response = context.getResponse();
        if (response == null) {
            return;
        }
        var module = modules.of(request);
        int status = response.getStatus();
        var error = errorOf(context);
        if (status == 503 && error != null && !(error instanceof DomainException)) {
            outages(module).increment();
        }
        timeoutKind(error).ifPresent(kind -> timeouts(module, kind).increment());
        // A module's own refusal (a wrong password, a refused refresh token) is an event of its own already.
        if ((status == 401 || status == 403) && !(error instanceof DomainException)) {
            security.refused(status, module, SecurityLog.Line.of("refused-" + status, module, null)
                    .with("method", request.getMethod())
                    .with("path", request.getRequestURI())
                    .withRequestId(response.getHeader(REQUEST_ID_HEADER))
                    .from(Optional.of(request)));
        }
        if (status == 404 && request.getAttribute(InstitutionScope.OTHER_INSTITUTION) instanceof UUID other) {
            security.refused(status, module, SecurityLog.Line.of("refused-404-other-institution", module, null)
                    .with("method", request.getMethod())
                    .with("path", request.getRequestURI())
                    .with("requestedInstitution", other.toString())
                    .withRequestId(response.getHeader(REQUEST_ID_HEADER))
                    .from(Optional.of(request)));
        }
    }

    /**
     * The observation holds only an exception nobody handled; one the problem handler answered, Spring MVC leaves on
     * the request.
     */
    private static @Nullable Throwable errorOf(ServerRequestObservationContext context) {
        return context.getError() != null ? context.getError()
                : context.getCarrier().getAttribute(DispatcherServlet.EXCEPTION_ATTRIBUTE) instanceof Throwable handled
                        ? handled : null;
    }

    private static Optional<String> timeoutKind(@Nullable Throwable error) {
        for (var cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof TransactionTimedOutException) {
                return Optional.of("transaction");
            }
            if (cause instanceof QueryTimeoutException
                    || cause instanceof SQLException sql && QUERY_CANCELED.equals(sql.getSQLState())) {
                return Optional.of("statement");
            }
        }
        return Optional.empty();
    }

    private Counter outages(String module) {
        return Counter.builder(OUTAGES)
                .description("Requests answered 503 because the database could not be reached")
                .tag("module", module)
                .register(registry);
    }

    private Counter timeouts(String module, String kind) {
        return Counter.builder(TIMEOUTS)
                .description("Requests whose statement or transaction ran out of time")
                .tag("module", module)
                .tag("kind", kind)
                .register(registry);
    }
}
