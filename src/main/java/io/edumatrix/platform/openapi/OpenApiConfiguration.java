package io.edumatrix.platform.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.models.GroupedOpenApi;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * springdoc's description of the API at {@code /v3/api-docs/{group}} and Swagger UI at {@code /swagger-ui.html}, open
 * to anyone (the description holds no data; {@code springdoc.api-docs.enabled=false} and
 * {@code springdoc.swagger-ui.enabled=false} switch them off). Every other path keeps the platform's filter chain.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(name = "springdoc.api-docs.enabled", matchIfMissing = true)
class OpenApiConfiguration {

    static final String BEARER = "bearer";

    /** Before the platform's chain, which takes every request it is not given. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain apiDescriptionSecurity(HttpSecurity http) throws Exception {
        http.securityMatcher("/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html",
                        "/swagger-ui/**")
                .csrf(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
        return http.build();
    }

    @Bean
    OpenAPI edumatrixApi() {
        return new OpenAPI()
                .info(new Info().title("EduMatrix API")
                        .description("Eleven modules of an education platform, one group each. Every operation states"
                                + " its access rule (x-access-rule) and the RFC 9457 problem types it may answer"
                                + " (x-problem-types); README.md explains both."))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                        .description("The access token from POST /api/sessions")));
    }

    @Bean
    GroupedOpenApi platformApiGroup() {
        return ModuleApiGroups.group(ModuleApiGroups.PLATFORM);
    }

    @Bean
    static ModuleApiGroups moduleApiGroups() {
        return new ModuleApiGroups();
    }

    @Bean
    AccessRuleOperations accessRuleOperations() {
        return new AccessRuleOperations(new ProblemTypes());
    }
}
