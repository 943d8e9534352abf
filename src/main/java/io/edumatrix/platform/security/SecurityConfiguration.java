package io.edumatrix.platform.security;

import io.edumatrix.platform.OwnClasses;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.ComposablePointcut;
import org.springframework.aop.support.Pointcuts;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authorization.method.AuthorizationInterceptorsOrder;
import org.springframework.security.authorization.method.AuthorizationManagerBeforeMethodInterceptor;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every request is checked twice: the filter chain requires a valid access token for everything but the endpoints
 * marked {@link Anonymous} and the health probe, and each endpoint's own access rule (an annotation, required by
 * {@link AccessRuleGuard}) checks the roles. Tokens are verified by whatever {@link JwtDecoder} the application holds:
 * the identity module's, over its own keys, or in a module extracted as a service, one reading the published JWKS.
 * Stateless: no session, no cookie, so no CSRF token either. Only in a web application: a context without a server
 * (a module test, a command) has no requests to guard.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSecurity
@EnableMethodSecurity(prePostEnabled = false)
class SecurityConfiguration {

    /** One for both chains: it remembers what each token names. */
    private final CallerAuthenticationConverter callers = new CallerAuthenticationConverter();

    /**
     * The access rules are {@code @PreAuthorize} (through meta-annotations such as {@link Member}) on EduMatrix's own
     * classes, so only that advisor is declared, with a class filter. {@code @EnableMethodSecurity}'s defaults would add
     * advisors for {@code @PostAuthorize}, {@code @PreFilter} and {@code @PostFilter}, which nothing here uses, and
     * auto-proxying matched all four against every method of every bean: about a tenth of a start (ADR 0017). The rules'
     * manager is the default one, as {@code @EnableMethodSecurity} makes it: no role hierarchy, prefix {@code ROLE_}.
     */
    @Bean
    @org.springframework.context.annotation.Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor accessRuleAdvisor(ApplicationContext context) {
        var rules = new PreAuthorizeAuthorizationManager();
        rules.setApplicationContext(context);
        var annotated = Pointcuts.union(new AnnotationMatchingPointcut(PreAuthorize.class, true),
                new AnnotationMatchingPointcut(null, PreAuthorize.class, true));
        var pointcut = new ComposablePointcut(OwnClasses.FILTER).intersection(annotated);
        var advisor = new AuthorizationManagerBeforeMethodInterceptor(pointcut, rules);
        advisor.setOrder(AuthorizationInterceptorsOrder.PRE_AUTHORIZE.getOrder());
        return advisor;
    }

    /**
     * Actuator's endpoints, in a chain of their own because health shows its components to a platform administrator by
     * {@code isUserInRole}: this chain keeps Spring Security's servlet-API wrapper, which answers it from the token.
     */
    @Bean
    @Order(1)
    SecurityFilterChain actuatorSecurity(HttpSecurity http, JwtDecoder tokens, SecurityProblems problems)
            throws Exception {
        stateless(http.securityMatcher("/actuator", "/actuator/**"), tokens, problems)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().hasRole(Role.PLATFORM_ADMIN.name()));
        return http.build();
    }

    /**
     * Everything else. Nothing behind this chain asks the servlet API who the caller is (the handlers read
     * the security context, through {@link Callers} or {@code @AuthenticationPrincipal}), so the request goes on
     * without the servlet-API wrapper, which every header and attribute read would otherwise pass through (ADR 0046).
     */
    @Bean
    @Order(2)
    SecurityFilterChain apiSecurity(HttpSecurity http, JwtDecoder tokens, SecurityProblems problems,
            @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping handlers) throws Exception {
        stateless(http, tokens, problems)
                .servletApi(AbstractHttpConfigurer::disable)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(new AnonymousEndpoints(handlers)).permitAll()
                        // Spring's own error page renders the status of a request that failed before a handler.
                        .requestMatchers("/error").permitAll()
                        .anyRequest().authenticated());
        return http.build();
    }

    /** What both chains share: tokens only (no session, cookie, form or CSRF token), problems for every refusal. */
    private HttpSecurity stateless(HttpSecurity http, JwtDecoder tokens, SecurityProblems problems)
            throws Exception {
        return http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .bearerTokenResolver(new BearerTokens())
                        .jwt(jwt -> jwt.decoder(tokens).jwtAuthenticationConverter(callers))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(failures -> failures.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .addFilterAfter(new TenantContextFilter(), BearerTokenAuthenticationFilter.class);
    }

    /**
     * No Micrometer observation around each of the chain's filters, each authentication and each authorization: on a
     * one-row read they were a fifth of the CPU (measured by bench/peer-compare.sh's profile). The HTTP request as a
     * whole is still observed by Spring MVC.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** Replaces Boot's {@code DefaultAuthenticationEventPublisher}: failures only (see the class). */
    @Bean
    AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
        return new SuccessSilentAuthenticationEvents(publisher);
    }

    /** Spring Security's default firewall, checking header text with loops instead of expressions ({@link HeaderText}). */
    @Bean
    WebSecurityCustomizer headerTextFirewall() {
        return web -> web.httpFirewall(HeaderText.firewall());
    }

    @Bean
    SecurityProblems securityProblems(JsonMapper json) {
        return new SecurityProblems(json);
    }

    @Bean
    AccessRuleGuard accessRuleGuard(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping handlers) {
        return new AccessRuleGuard(handlers);
    }
}
