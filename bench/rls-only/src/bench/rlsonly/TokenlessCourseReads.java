package bench.rlsonly;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * Benchmark only: a filter chain ahead of the application's for requests that carry {@link TokenlessCaller}'s
 * header. Loaded from a jar of its own on the launcher's path (bench/peer-compare.sh, variant edumatrix-rls).
 */
@AutoConfiguration
public class TokenlessCourseReads {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain tokenlessCourseReads(HttpSecurity http) throws Exception {
        return http.securityMatcher(request -> request.getHeader(TokenlessCaller.INSTITUTION_HEADER) != null)
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .addFilterBefore(new TokenlessCaller(), AuthorizationFilter.class)
                .build();
    }
}
