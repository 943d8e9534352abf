package bench.rlsonly;

import io.edumatrix.platform.security.TokenClaims;
import io.edumatrix.platform.tenancy.TenantContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Benchmark only, never in the application: takes the caller from headers instead of a verified token, so a run
 * measures row-level security and everything else of a request except the token's verification.
 */
final class TokenlessCaller extends OncePerRequestFilter {

    static final String INSTITUTION_HEADER = "X-Bench-Institution";

    private final UUID account = UUID.randomUUID();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var institution = UUID.fromString(request.getHeader(INSTITUTION_HEADER));
        var jwt = Jwt.withTokenValue("unverified").header("alg", "none").subject(account.toString())
                .claim(TokenClaims.INSTITUTION, institution.toString()).claim(TokenClaims.ROLES, List.of("INSTRUCTOR"))
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build();
        SecurityContextHolder.getContext().setAuthentication(
                new JwtAuthenticationToken(jwt, List.of(new SimpleGrantedAuthority("ROLE_INSTRUCTOR")), account.toString()));
        try {
            TenantContext.of(institution, account, UUID.randomUUID().toString()).<Void, Exception>run(() -> {
                chain.doFilter(request, response);
                return null;
            });
        } catch (IOException | ServletException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ServletException(e);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
