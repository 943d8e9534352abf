package io.edumatrix.platform.web;

import io.edumatrix.platform.data.TransactionConflict;
import io.edumatrix.platform.domain.DomainException;
import io.edumatrix.platform.domain.ProblemType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Every error an API client sees is an RFC 9457 problem with a stable {@code type}; validation problems list each
 * rejected field, and nothing internal (stack traces, SQL) leaks out. Domain failures carry their {@link ProblemType},
 * whose category decides the status. A mistake of the client is always a 4xx; a 5xx means the service failed: 503 when
 * the database cannot be reached (retry later), 500 for a bug.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    /** About as long as PostgreSQL takes to restart; a client retrying sooner would mostly meet the outage again. */
    static final Duration RETRY_AFTER_OUTAGE = Duration.ofSeconds(5);

    /**
     * A conflict between transactions clears within milliseconds; by the time the platform's own retries ran out
     * (ADR 0024), a second is a fair wait.
     */
    static final Duration RETRY_AFTER_CONFLICT = Duration.ofSeconds(1);

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(DomainException.class)
    ResponseEntity<Object> domain(DomainException ex) {
        var problem = Problems.of(ex.type(), ex.getMessage());
        ex.properties().forEach(problem::setProperty);
        return ex.retryAfter().map(wait -> Problems.response(problem, wait)).orElseGet(() -> Problems.response(problem));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        var errors = ex.getBindingResult().getFieldErrors().stream()
                .map(e -> rejected(e.getField(), String.valueOf(e.getDefaultMessage())))
                .toList();
        return Problems.response(Problems.invalid("The request has invalid fields", errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> rejected(
                        String.valueOf(result.getMethodParameter().getParameterName()),
                        String.valueOf(error.getDefaultMessage()))))
                .toList();
        return Problems.response(Problems.invalid("The request has invalid parameters", errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        // Valid JSON with a value the field cannot take (an id that is no UUID, text with a NUL): name the field.
        if (ex.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()
                && mismatch.getTargetType() != null) {
            var field = mismatch.getPath().stream()
                    .map(reference -> reference.getPropertyName() != null ? reference.getPropertyName()
                            : "[" + reference.getIndex() + "]")
                    .collect(Collectors.joining("."));
            var message = mismatch instanceof UnstorableTextException text ? text.reason()
                    : "is not a valid " + simpleName(mismatch.getTargetType());
            return Problems.response(Problems.invalid("The request has invalid fields", List.of(rejected(field, message))));
        }
        return Problems.response(Problems.of(PlatformProblems.MALFORMED_REQUEST,
                "The request body is missing or is not valid JSON of the expected shape"));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return Problems.response(Problems.invalid("The request has invalid parameters",
                List.of(rejected(ex.getParameterName(), "is required"))));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException ex) {
        return Problems.response(Problems.invalid("The request has invalid parameters",
                List.of(rejected(ex.getName(), "is not a valid " + simpleName(ex.getRequiredType())))));
    }

    @ExceptionHandler(RejectedPathVariableException.class)
    ResponseEntity<Object> rejectedPathVariable(RejectedPathVariableException ex) {
        return Problems.response(Problems.invalid("The request has invalid parameters",
                List.of(rejected(ex.variable(), ex.reason()))));
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<Object> concurrentUpdate(OptimisticLockingFailureException ex) {
        return Problems.response(Problems.of(PlatformProblems.CONCURRENT_UPDATE,
                "The resource was changed by someone else; read it again and retry"));
    }

    /**
     * Anything unexpected: a transaction that lost to others (and was not, or no longer, retried) is a conflict to try
     * again shortly, an unreachable database an outage to wait out, anything else a bug to log.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex) {
        var conflict = TransactionConflict.of(ex);
        if (conflict.isPresent()) {
            log.info("Transaction conflict answered to the client: {}", ex.toString());
            return conflict.get() == TransactionConflict.LOCK_NOT_AVAILABLE
                    ? Problems.response(Problems.of(PlatformProblems.RESOURCE_BUSY,
                            "The data the request needs is locked by other work; try again shortly"), RETRY_AFTER_CONFLICT)
                    : Problems.response(Problems.of(PlatformProblems.TRANSACTION_CONFLICT,
                            "The request conflicted with concurrent requests; try again"), RETRY_AFTER_CONFLICT);
        }
        if (DatabaseOutage.causedBy(ex)) {
            log.warn("Database unreachable: {}", ex.toString());
            return Problems.response(Problems.of(PlatformProblems.SERVICE_UNAVAILABLE,
                    "The database cannot be reached for now; try again later"), RETRY_AFTER_OUTAGE);
        }
        log.error("Unhandled exception", ex);
        return Problems.response(Problems.of(PlatformProblems.INTERNAL_ERROR,
                "The request could not be completed; it has been logged"));
    }

    private static Map<String, String> rejected(String field, String message) {
        return Map.of("field", field, "message", message);
    }

    private static String simpleName(Class<?> type) {
        return type == null ? "value" : type.getSimpleName();
    }
}
