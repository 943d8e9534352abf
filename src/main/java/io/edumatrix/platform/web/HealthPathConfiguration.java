package io.edumatrix.platform.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** {@link UnknownHealthPathFilter}, on the health endpoint's paths only, after the security filter chain. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class HealthPathConfiguration {

    @Bean
    FilterRegistrationBean<UnknownHealthPathFilter> unknownHealthPathFilter(HealthContributorRegistry contributors,
            HealthEndpointGroups groups, JsonMapper json) {
        var registration = new FilterRegistrationBean<>(new UnknownHealthPathFilter(contributors, groups, json));
        registration.addUrlPatterns(UnknownHealthPathFilter.HEALTH + "/*");
        return registration;
    }
}
