package io.edumatrix.platform.security;

import io.edumatrix.platform.tenancy.TenantContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Binds the request's {@link TenantContext}: the institution and account of its verified token (none without one) and
 * a request id, taken from {@code X-Request-Id} when the client sent a sensible one and made up otherwise. The id is
 * echoed in the response and logged with every line of the request.
 */
final class TenantContextFilter extends OncePerRequestFilter {

    static final String REQUEST_ID_HEADER = "X-Request-Id";
    private static final Pattern SENSIBLE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var requestId = requestId(request.getHeader(REQUEST_ID_HEADER));
        response.setHeader(REQUEST_ID_HEADER, requestId);
        var caller = Callers.current();
        var context = TenantContext.of(caller.flatMap(Caller::institutionId).orElse(null),
                caller.map(Caller::accountId).orElse(null), requestId);
        MDC.put("requestId", requestId);
        try {
            context.<Void, Exception>run(() -> {
                chain.doFilter(request, response);
                return null;
            });
        } catch (IOException | ServletException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ServletException(e);
        } finally {
            MDC.remove("requestId");
        }
    }

    private static String requestId(String sent) {
        if (sent != null && SENSIBLE_REQUEST_ID.matcher(sent).matches()) {
            return sent;
        }
        return io.edumatrix.platform.Ids.next().toString();
    }
}
